package io.chatprep.tokenize;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded, thread-safe map from text pieces to their tokens, shared by all threads encoding with one
 * tokenizer. Least-recently-used entries go first once the estimated heap size exceeds the bound; the map is
 * split into independently locked stripes so concurrent task threads rarely wait for each other.
 *
 * <p>Admission: a piece of at most {@code alwaysAdmitChars} characters (role headers, separators, short
 * recurring phrases) is kept on first sight; a longer one only once it has been seen before, recorded in a
 * small table of fingerprints. Most long pieces are one row's own message and never come back; keeping them
 * would only push out the pieces that do. The fingerprint table is deliberately racy: a lost or torn write
 * only changes whether a piece gets cached, never what an encoding contains.
 */
final class SegmentCache {
    static final int STRIPES = 16;
    private static final int SEEN_SLOTS = 1 << 16;

    private final Stripe[] stripes = new Stripe[STRIPES];
    private final long[] seen = new long[SEEN_SLOTS];
    private final int alwaysAdmitChars;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    SegmentCache(long maxBytes, int alwaysAdmitChars) {
        this.alwaysAdmitChars = alwaysAdmitChars;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(Math.max(1, maxBytes / STRIPES));
        }
    }

    EncodedPiece get(String piece) {
        EncodedPiece found = stripe(piece).get(piece);
        if (found == null) {
            misses.increment();
        } else {
            hits.increment();
        }
        return found;
    }

    /** Offers a freshly encoded piece; the admission rule decides whether it is kept. */
    void offer(String piece, EncodedPiece encoded) {
        if (piece.length() > alwaysAdmitChars && !seenBefore(piece)) {
            return;
        }
        stripe(piece).put(piece, encoded);
    }

    /** Forgets every piece, every fingerprint and the counters. */
    void clear() {
        for (Stripe s : stripes) {
            s.clear();
        }
        java.util.Arrays.fill(seen, 0L);
        hits.reset();
        misses.reset();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    int size() {
        int n = 0;
        for (Stripe s : stripes) {
            n += s.size();
        }
        return n;
    }

    private Stripe stripe(String piece) {
        return stripes[stripeOf(piece)];
    }

    /**
     * The stripe of a piece, from the top bits of its scrambled hash. A stripe's map picks bins by the hash's low
     * bits; a stripe chosen by those too would leave each map fifteen bins in sixteen empty and the rest deep.
     */
    static int stripeOf(String piece) {
        return (piece.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - Integer.numberOfTrailingZeros(STRIPES));
    }

    /** Records the piece's fingerprint; true if it was already there. */
    private boolean seenBefore(String piece) {
        long fp = fingerprint(piece);
        int slot = (int) (fp >>> 40) & (SEEN_SLOTS - 1);
        if (seen[slot] == fp) {
            return true;
        }
        seen[slot] = fp;
        return false;
    }

    private static long fingerprint(String s) {
        long h = 0x9E3779B97F4A7C15L ^ s.length();
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    private static final class Stripe {
        private final ReentrantLock lock = new ReentrantLock();
        private final LinkedHashMap<String, EncodedPiece> map = new LinkedHashMap<>(64, 0.75f, true);
        private final long maxBytes;
        private long bytes;

        Stripe(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        EncodedPiece get(String key) {
            lock.lock();
            try {
                return map.get(key);
            } finally {
                lock.unlock();
            }
        }

        void put(String key, EncodedPiece value) {
            long weight = value.weight(key);
            if (weight > maxBytes) {
                return;
            }
            lock.lock();
            try {
                EncodedPiece old = map.put(key, value);
                if (old != null) {
                    bytes -= old.weight(key);
                }
                bytes += weight;
                Iterator<Map.Entry<String, EncodedPiece>> eldest = map.entrySet().iterator();
                while (bytes > maxBytes && eldest.hasNext()) {
                    Map.Entry<String, EncodedPiece> e = eldest.next();
                    bytes -= e.getValue().weight(e.getKey());
                    eldest.remove();
                }
            } finally {
                lock.unlock();
            }
        }

        void clear() {
            lock.lock();
            try {
                map.clear();
                bytes = 0;
            } finally {
                lock.unlock();
            }
        }

        int size() {
            lock.lock();
            try {
                return map.size();
            } finally {
                lock.unlock();
            }
        }
    }
}
