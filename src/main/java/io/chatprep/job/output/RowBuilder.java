package io.chatprep.job.output;

import io.chatprep.job.tasks.EncodedRecord;

import java.util.List;

/** Encoded records to data rows, one row per record or one per pack. */
final class RowBuilder {
    private RowBuilder() {
    }

    static DataRow single(EncodedRecord r) {
        return new DataRow(r.id(), null, r.inputIds(), r.labels(), r.assistantMask(), null, r.numTokens(),
                r.numTrainedTokens(), r.images(), r.imageGrids());
    }

    static DataRow pack(List<EncodedRecord> rows) {
        int total = 0;
        int trained = 0;
        for (EncodedRecord r : rows) {
            total += r.numTokens();
            trained += r.numTrainedTokens();
        }
        int[] ids = new int[total];
        int[] labels = new int[total];
        byte[] mask = new byte[total];
        int[] seqLengths = new int[rows.size()];
        String[] rowIds = new String[rows.size()];
        int at = 0;
        for (int i = 0; i < rows.size(); i++) {
            EncodedRecord r = rows.get(i);
            System.arraycopy(r.inputIds(), 0, ids, at, r.numTokens());
            System.arraycopy(r.labels(), 0, labels, at, r.numTokens());
            System.arraycopy(r.assistantMask(), 0, mask, at, r.numTokens());
            at += r.numTokens();
            seqLengths[i] = r.numTokens();
            rowIds[i] = r.id();
        }
        return new DataRow(null, rowIds, ids, labels, mask, seqLengths, total, trained);
    }
}
