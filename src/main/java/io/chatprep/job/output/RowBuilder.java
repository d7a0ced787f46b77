package io.chatprep.job.output;

import io.chatprep.job.encode.EncodedRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Encoded records to output rows, one row per record or one per pack. */
public final class RowBuilder implements Serializable {
    private static final long serialVersionUID = 1L;
    private final boolean assistantMasks;

    public RowBuilder(boolean assistantMasks) {
        this.assistantMasks = assistantMasks;
    }

    public Row single(EncodedRecord r) {
        List<Object> v = new ArrayList<>(6);
        v.add(r.id());
        // Primitive arrays: Spark's row encoder copies int[] / byte[] straight into its array format,
        // where boxed arrays cost one object per token.
        v.add(r.inputIds());
        v.add(r.labels());
        if (assistantMasks) {
            v.add(r.assistantMask());
        }
        v.add(r.numTokens());
        v.add(r.numTrainedTokens());
        return RowFactory.create(v.toArray());
    }

    public Row pack(List<EncodedRecord> rows) {
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
        List<Object> v = new ArrayList<>(7);
        v.add(rowIds);
        v.add(ids);
        v.add(labels);
        if (assistantMasks) {
            v.add(mask);
        }
        v.add(seqLengths);
        v.add(total);
        v.add(trained);
        return RowFactory.create(v.toArray());
    }

    public static Row quarantine(EncodedRecord r) {
        return RowFactory.create(r.id(), r.key().file(), r.key().position(), r.stage(), r.reason(), r.raw());
    }
}
