package io.chatprep.tokenize;

/**
 * The BPE merge table: (left id, right id) to (rank, merged id), in one open-addressed array of longs so a lookup
 * allocates nothing. Ranks are merge-list positions; a pair listed twice keeps its last position, as
 * tokenizers-rs does when it collects the list into a map.
 */
final class PairMerges {
    static final long ABSENT = -1L;
    private static final long EMPTY_KEY = -1L;

    private final long[] keys;
    private final long[] values;
    private final int mask;
    private int size;

    PairMerges(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new long[capacity];
        java.util.Arrays.fill(keys, EMPTY_KEY);
        mask = capacity - 1;
    }

    void put(int left, int right, int rank, int merged) {
        long key = key(left, right);
        int slot = slot(key);
        while (keys[slot] != EMPTY_KEY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == EMPTY_KEY) {
            if (++size * 2 > keys.length) {
                throw new IllegalStateException("merge table sized for fewer merges");
            }
            keys[slot] = key;
        }
        values[slot] = ((long) rank << 32) | (merged & 0xFFFFFFFFL);
    }

    /** {@code rank << 32 | merged id}, or {@link #ABSENT}. */
    long get(int left, int right) {
        long key = key(left, right);
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == EMPTY_KEY) {
                return ABSENT;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
