package io.chatprep.tokenize;

/**
 * Token ids and their character offsets in Unicode code points: token {@code i} covers
 * {@code [offsets[2*i], offsets[2*i+1])}. Flat arrays, so no object per token.
 */
public record Encoding(int[] ids, int[] offsets) {
    public int size() {
        return ids.length;
    }
}
