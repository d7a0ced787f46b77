package io.chatprep.job.output;

/**
 * One row of a data file: a training row ({@code id}) or a pack of them ({@code ids} and {@code seqLengths}); with
 * an image processor, its image locations and grids (null otherwise). Arrays are shared with the encoded records,
 * never copied per row.
 */
public record DataRow(String id, String[] ids, int[] inputIds, int[] labels, byte[] assistantMask, int[] seqLengths,
                      int numTokens, int numTrainedTokens, String[] images, int[][] imageGrids) {
    public DataRow(String id, String[] ids, int[] inputIds, int[] labels, byte[] assistantMask, int[] seqLengths,
                   int numTokens, int numTrainedTokens) {
        this(id, ids, inputIds, labels, assistantMask, seqLengths, numTokens, numTrainedTokens, null, null);
    }
}
