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
        v.add(boxed(r.inputIds()));
        v.add(boxed(r.labels()));
        if (assistantMasks) {
            v.add(boxed(r.assistantMask()));
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
        Integer[] ids = new Integer[total];
        Integer[] labels = new Integer[total];
        Byte[] mask = new Byte[total];
        Integer[] seqLengths = new Integer[rows.size()];
        String[] rowIds = new String[rows.size()];
        int at = 0;
        for (int i = 0; i < rows.size(); i++) {
            EncodedRecord r = rows.get(i);
            for (int t = 0; t < r.numTokens(); t++) {
                ids[at + t] = r.inputIds()[t];
                labels[at + t] = r.labels()[t];
                mask[at + t] = r.assistantMask()[t];
            }
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

    private static Integer[] boxed(int[] a) {
        Integer[] out = new Integer[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    private static Byte[] boxed(byte[] a) {
        Byte[] out = new Byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
