package io.chatprep.mask;

/** Turns generation spans into a token mask and labels with transformers' exact semantics. */
public final class AssistantMask {
    /** Label of a token that is not trained (PyTorch's cross-entropy ignore index). */
    public static final int IGNORE_INDEX = -100;

    private AssistantMask() {
    }

    /**
     * @param offsets code-point offsets, two per token (see {@code Encoding})
     * @param spans   {@code [start, end)} code-point spans of the generation blocks
     */
    public static byte[] fromSpans(int[] offsets, int[][] spans) {
        throw new UnsupportedOperationException("masks not built yet");
    }

    public static int[] labels(int[] ids, byte[] mask) {
        throw new UnsupportedOperationException("masks not built yet");
    }
}
