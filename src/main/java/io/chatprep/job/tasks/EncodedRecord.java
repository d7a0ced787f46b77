package io.chatprep.job.tasks;

import java.io.Serializable;

/**
 * One input row after encoding. Written rows carry ids/labels/mask (and, with an image processor, the images'
 * locations and grids, else null); quarantined rows carry the raw source text, stage and reason; filtered rows only
 * their length.
 */
public record EncodedRecord(RowKey key, String id, Outcome outcome, String stage, String reason, String raw,
                            int[] inputIds, int[] labels, byte[] assistantMask, int numTokens,
                            int numTrainedTokens, boolean truncated, String[] images, int[][] imageGrids)
        implements Serializable {

    public EncodedRecord(RowKey key, String id, Outcome outcome, String stage, String reason, String raw,
                         int[] inputIds, int[] labels, byte[] assistantMask, int numTokens, int numTrainedTokens,
                         boolean truncated) {
        this(key, id, outcome, stage, reason, raw, inputIds, labels, assistantMask, numTokens, numTrainedTokens,
                truncated, null, null);
    }

    static EncodedRecord written(RowKey key, String id, int[] ids, int[] labels, byte[] mask, int trained,
                                 boolean truncated, String[] images, int[][] grids) {
        return new EncodedRecord(key, id, Outcome.WRITTEN, null, null, null, ids, labels, mask, ids.length, trained,
                truncated, images, grids);
    }

    static EncodedRecord quarantined(RowKey key, String id, String stage, String reason, String raw) {
        return new EncodedRecord(key, id, Outcome.QUARANTINED, stage, reason, raw, null, null, null, 0, 0, false);
    }

    static EncodedRecord filtered(RowKey key, String id, int numTokens) {
        return new EncodedRecord(key, id, Outcome.FILTERED, null, null, null, null, null, null, numTokens, 0, false);
    }
}
