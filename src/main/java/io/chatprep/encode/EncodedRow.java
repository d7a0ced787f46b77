package io.chatprep.encode;

/** One conversation ready for training: ids, its 0/1 assistant mask and labels (-100 where not trained). */
public record EncodedRow(int[] inputIds, byte[] assistantMask, int[] labels, int numTrainedTokens) {
    public int numTokens() {
        return inputIds.length;
    }
}
