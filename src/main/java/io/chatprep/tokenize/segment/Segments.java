package io.chatprep.tokenize.segment;

import java.util.Arrays;

/**
 * A text cut into consecutive segments, in UTF-16 indices: added-token matches (their index into the
 * splitter's token list) and the text pieces between them ({@link #TEXT}). Flat arrays, reused per call site.
 */
final class Segments {
    static final int TEXT = -1;

    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int[] tokens = new int[16];
    private int count;

    void clear() {
        count = 0;
    }

    void add(int start, int end, int token) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            tokens = Arrays.copyOf(tokens, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        tokens[count] = token;
        count++;
    }

    int count() {
        return count;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** The added token's index, or {@link #TEXT} for a piece of text. */
    int token(int i) {
        return tokens[i];
    }
}
