package io.chatprep.tokenize.bpe;

import java.util.Arrays;

/**
 * Words already encoded, looked up by a region of the text they occur in, so a hit copies nothing.
 *
 * <p>Open addressing over a fixed table: a word lives in one of {@link #PROBES} slots after its hash's home slot;
 * when all of them are taken a new word replaces the one at home, so the cache never grows past its table and
 * never empties at once. The slots' hashes sit in an array of their own, so probing reads one cache line and a
 * lookup touches an entry only when its hash matches: a hit costs the hash line, the entry, its key and its
 * tokens, where a {@code ConcurrentHashMap} of substrings allocated a key and followed twice as many references.
 * Entries are immutable and published through final fields, so threads share the table without locks: a hash
 * and its entry written apart may be seen mismatched, but a match is always confirmed on the key itself, and
 * two threads storing into one slot at once lose one of the two words, which only costs encoding it again.
 */
final class WordCache {
    static final int PROBES = 4;

    private final Entry[] slots;
    /** Each slot's hash with its lowest bit set ({@link #tag}); 0 while the slot is empty. */
    private final int[] tags;
    private final int mask;

    /** @param capacity the most words kept; rounded up to a power of two */
    WordCache(int capacity) {
        int size = Integer.highestOneBit(Math.max(PROBES, capacity - 1)) << 1;
        this.slots = new Entry[size];
        this.tags = new int[size];
        this.mask = size - 1;
    }

    /** A hash of {@code text[start, end)} that spreads words over the whole table. */
    static int hash(CharSequence text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text.charAt(i);
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }

    /** The tokens stored for {@code text[start, end)} (whose hash is {@code hash}), or null. */
    int[] get(CharSequence text, int start, int end, int hash) {
        int tag = tag(hash);
        for (int i = 0; i < PROBES; i++) {
            int slot = (hash + i) & mask;
            int t = tags[slot];
            if (t == 0) {
                return null;
            }
            if (t == tag) {
                Entry e = slots[slot];
                if (e != null && e.matches(text, start, end)) {
                    return e.tokens;
                }
            }
        }
        return null;
    }

    private static int tag(int hash) {
        return hash | 1;
    }

    void put(CharSequence text, int start, int end, int hash, int[] tokens) {
        char[] key = new char[end - start];
        for (int i = 0; i < key.length; i++) {
            key[i] = text.charAt(start + i);
        }
        Entry fresh = new Entry(key, tokens);
        int slot = hash & mask;
        for (int i = 0; i < PROBES; i++) {
            if (tags[(hash + i) & mask] == 0) {
                slot = (hash + i) & mask;
                break;
            }
        }
        slots[slot] = fresh;
        tags[slot] = tag(hash);
    }

    /** Words kept right now (a walk of the table; for tests and diagnostics). */
    int size() {
        int n = 0;
        for (Entry e : slots) {
            if (e != null) {
                n++;
            }
        }
        return n;
    }

    int capacity() {
        return slots.length;
    }

    void clear() {
        Arrays.fill(tags, 0);
        Arrays.fill(slots, null);
    }

    private static final class Entry {
        final char[] key;
        final int[] tokens;

        Entry(char[] key, int[] tokens) {
            this.key = key;
            this.tokens = tokens;
        }

        boolean matches(CharSequence text, int start, int end) {
            if (key.length != end - start) {
                return false;
            }
            for (int i = 0; i < key.length; i++) {
                if (key[i] != text.charAt(start + i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
