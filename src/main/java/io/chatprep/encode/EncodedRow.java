package io.chatprep.encode;

/**
 * One conversation ready for training: ids, its 0/1 assistant mask and labels (-100 where not trained); with an
 * image processor also the row's images (null otherwise).
 */
public record EncodedRow(int[] inputIds, byte[] assistantMask, int[] labels, int numTrainedTokens,
                         EncodedImages images) {
    public EncodedRow(int[] inputIds, byte[] assistantMask, int[] labels, int numTrainedTokens) {
        this(inputIds, assistantMask, labels, numTrainedTokens, null);
    }

    public int numTokens() {
        return inputIds.length;
    }
}
