package io.chatprep.tokenize.bpe;

/**
 * The BPE merge table: (left id, right id) to (rank, merged id), in one open-addressed array of longs so a lookup
 * allocates nothing. A slot's key and value sit side by side, so a lookup reads one cache line: the table is
 * megabytes and the lookups of a word that is not cached yet land all over it. Ranks are merge-list positions; a
 * pair listed twice keeps its last position, as tokenizers-rs does when it collects the list into a map.
 */
final class PairMerges {
    static final long ABSENT = -1L;
    private static final long EMPTY_KEY = -1L;

    /** Slot i's key at {@code 2i}, its value at {@code 2i + 1}. */
    private final long[] table;
    private final int mask;
    private int size;

    PairMerges(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new long[2 * capacity];
        for (int i = 0; i < table.length; i += 2) {
            table[i] = EMPTY_KEY;
        }
        mask = capacity - 1;
    }

    void put(int left, int right, int rank, int merged) {
        long key = key(left, right);
        int slot = slot(key);
        while (table[2 * slot] != EMPTY_KEY && table[2 * slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (table[2 * slot] == EMPTY_KEY) {
            if (++size * 2 > mask + 1) {
                throw new IllegalStateException("merge table sized for fewer merges");
            }
            table[2 * slot] = key;
        }
        table[2 * slot + 1] = ((long) rank << 32) | (merged & 0xFFFFFFFFL);
    }

    /** {@code rank << 32 | merged id}, or {@link #ABSENT}. */
    long get(int left, int right) {
        long key = key(left, right);
        int slot = slot(key);
        while (true) {
            long k = table[2 * slot];
            if (k == key) {
                return table[2 * slot + 1];
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
