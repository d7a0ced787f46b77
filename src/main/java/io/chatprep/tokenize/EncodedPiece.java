package io.chatprep.tokenize;

/**
 * The tokens of one text piece encoded on its own: ids and code-point offsets relative to the piece
 * ({@code offsets[2*i]}, {@code offsets[2*i+1]}), -1 for a token without a source span. Never mutated once built,
 * so one instance can be shared by every text that holds the piece.
 */
public record EncodedPiece(int[] ids, int[] offsets) {
    public int size() {
        return ids.length;
    }

    /** Rough heap bytes of this piece and its key, for the cache's bound. */
    public long weight(String key) {
        return 96L + 2L * key.length() + 12L * ids.length;
    }
}
