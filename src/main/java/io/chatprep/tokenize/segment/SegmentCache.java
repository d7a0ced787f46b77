package io.chatprep.tokenize.segment;

import io.chatprep.tokenize.EncodedPiece;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded, thread-safe map from text pieces to their tokens, shared by all threads encoding with one
 * tokenizer. Once the estimated heap size exceeds the bound, pieces not looked up since the last pass of the
 * eviction hand go first (the "clock" approximation of least-recently-used).
 *
 * <p>Lookups take no lock and write nothing shared but a piece's reference mark, and that only when it is not
 * already set: every task thread of an executor looks up the same hot pieces (role headers, system prompts)
 * dozens of times per row, and a lock or an access-ordered list on that path makes the threads queue for one
 * another and bounce the same cache lines between cores. Inserting and evicting are rarer (misses only).
 *
 * <p>Admission: a piece of at most {@code alwaysAdmitChars} characters (role headers, separators, short
 * recurring phrases) is kept on first sight; a longer one only once it has been seen before, recorded in a
 * small table of fingerprints. Most long pieces are one row's own message and never come back; keeping them
 * would only push out the pieces that do. The fingerprint table is deliberately racy: a lost or torn write
 * only changes whether a piece gets cached, never what an encoding contains.
 */
final class SegmentCache {
    private static final int SEEN_SLOTS = 1 << 16;

    private final ConcurrentHashMap<String, Entry> map = new ConcurrentHashMap<>(1024);
    /** Every kept entry once, oldest insertion or last second chance first: the clock's face. */
    private final ConcurrentLinkedQueue<Entry> clock = new ConcurrentLinkedQueue<>();
    private final ReentrantLock evicting = new ReentrantLock();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;
    private final long[] seen = new long[SEEN_SLOTS];
    private final int alwaysAdmitChars;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    SegmentCache(long maxBytes, int alwaysAdmitChars) {
        this.maxBytes = Math.max(1, maxBytes);
        this.alwaysAdmitChars = alwaysAdmitChars;
    }

    EncodedPiece get(String piece) {
        Entry found = map.get(piece);
        if (found == null) {
            misses.increment();
            return null;
        }
        hits.increment();
        if (!found.referenced) {
            found.referenced = true;
        }
        return found.value;
    }

    /** Offers a freshly encoded piece; the admission rule decides whether it is kept. */
    void offer(String piece, EncodedPiece encoded) {
        if (piece.length() > alwaysAdmitChars && !seenBefore(piece)) {
            return;
        }
        long weight = encoded.weight(piece);
        if (weight > maxBytes) {
            return;
        }
        Entry fresh = new Entry(piece, encoded, weight);
        if (map.putIfAbsent(piece, fresh) != null) {
            return;
        }
        clock.add(fresh);
        if (bytes.addAndGet(weight) > maxBytes) {
            evict();
        }
    }

    /**
     * Moves the clock hand until the cache is within its bound: a piece looked up since the hand last passed loses
     * its mark and gets another round; an unmarked one goes. One thread evicts at a time and the others go on; so
     * that nothing they add while it finishes is left over the bound, it looks again after letting go of the lock.
     */
    private void evict() {
        while (bytes.get() > maxBytes && evicting.tryLock()) {
            try {
                Entry e;
                while (bytes.get() > maxBytes && (e = clock.poll()) != null) {
                    if (e.referenced) {
                        e.referenced = false;
                        clock.add(e);
                    } else {
                        // The weight is the clock's: an entry a concurrent clear() took from the map still counted.
                        map.remove(e.key, e);
                        bytes.addAndGet(-e.weight);
                    }
                }
            } finally {
                evicting.unlock();
            }
        }
    }

    /**
     * Forgets every piece, every fingerprint and the counters. Meant for between runs: a piece offered while this
     * runs may survive it or be counted towards the bound without being kept, which only shifts the estimate.
     */
    void clear() {
        evicting.lock();
        try {
            map.clear();
            clock.clear();
            bytes.set(0);
        } finally {
            evicting.unlock();
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
        return map.size();
    }

    /** Estimated heap bytes of the kept pieces (what the bound limits). */
    long bytes() {
        return bytes.get();
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

    private static final class Entry {
        final String key;
        final EncodedPiece value;
        final long weight;
        /** Racy by design: a lost mark only lets a piece go one round early. */
        boolean referenced;

        Entry(String key, EncodedPiece value, long weight) {
            this.key = key;
            this.value = value;
            this.weight = weight;
        }
    }
}
