package io.chatprep.job.tasks;

import io.chatprep.encode.EncodedImages;
import io.chatprep.encode.EncodedRow;
import io.chatprep.encode.RowJson;
import io.chatprep.encode.RowRejectedException;
import io.chatprep.job.config.MaxLengthPolicy;
import io.chatprep.job.input.PythonJson;
import io.chatprep.job.input.RowConverter;
import io.chatprep.job.input.SourceRow;
import io.chatprep.mask.AssistantMask;
import io.chatprep.template.py.PyNone;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * The per-partition step: parse, convert, encode and apply the length policy to each source row, lazily,
 * so a partition never holds more than one row's tokens at a time. Never throws for a bad row: every row
 * becomes an {@link EncodedRecord} (written, quarantined or filtered).
 */
public final class PartitionEncoder implements FlatMapFunction<Iterator<SourceRow>, EncodedRecord> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<BroadcastSpec> spec;
    private final EncoderFactory factory;
    private final RowConverter converter;
    private final String idColumn;
    private final LengthLimit limit;
    private final RowCounters counters;
    private final String idDirectory;

    /**
     * @param idDirectory the directory all input files share (row ids name their file below it), or null
     */
    public PartitionEncoder(Broadcast<BroadcastSpec> spec, EncoderFactory factory, RowConverter converter,
                            String idColumn, LengthLimit limit, RowCounters counters, String idDirectory) {
        this.spec = spec;
        this.factory = factory;
        this.converter = converter;
        this.idColumn = idColumn;
        this.limit = limit;
        this.counters = counters;
        this.idDirectory = idDirectory;
    }

    @Override
    public Iterator<EncodedRecord> call(Iterator<SourceRow> rows) {
        BroadcastSpec s = spec.value();
        RowEncoder encoder = EncoderCache.get(s.key(), s.spec(), factory);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public EncodedRecord next() {
                EncodedRecord r = encodeOne(encoder, rows.next());
                if (counters != null) {
                    counters.count(r);
                }
                return r;
            }
        };
    }

    /** Encodes one row; also used on the driver by dry runs and the notebook API. */
    public EncodedRecord encodeOne(RowEncoder encoder, SourceRow source) {
        RowKey key = new RowKey(source.file(), source.position());
        String id = source.derivedId(idDirectory);
        try {
            if (source.unreadable() != null) {
                throw new RowRejectedException("parse", source.unreadable());
            }
            Object parsed = source.parsed();
            if (parsed == null) {
                try {
                    parsed = RowJson.parse(source.raw());
                } catch (IOException e) {
                    throw new RowRejectedException("parse", e.getMessage());
                }
            }
            id = idOf(parsed, id);
            Map<String, Object> row = converter.convert(parsed);
            EncodedRow encoded;
            try {
                // relative image references resolve against the row's file
                encoded = encoder.encode(row, SourceRow.DATAFRAME.equals(source.file()) ? null : source.file());
            } catch (RuntimeException e) {
                // An encoder bug on one row must not fail the run; the row's reason says what broke.
                throw new RowRejectedException("encode", "unexpected " + e.getClass().getSimpleName() + ": "
                        + e.getMessage(), e);
            } catch (OutOfMemoryError e) {
                // What this row allocated is garbage once this unwinds: reject the row, not the whole run.
                throw new RowRejectedException("encode", "ran out of memory while encoding this row ("
                        + e.getMessage() + "); the JVM heap is too small for it", e);
            }
            return applyLimit(key, id, encoded);
        } catch (RowRejectedException e) {
            return EncodedRecord.quarantined(key, id, e.stage(), e.reason(), source.raw());
        }
    }

    private String idOf(Object parsed, String derived) throws RowRejectedException {
        if (idColumn == null) {
            return derived;
        }
        Object v = parsed instanceof Map<?, ?> m ? m.get(idColumn) : null;
        if (v == null || v == PyNone.NONE) {
            throw new RowRejectedException(RowConverter.STAGE, "the id column '" + idColumn + "' is missing or null");
        }
        return v instanceof String s ? s : PythonJson.write(v);
    }

    private EncodedRecord applyLimit(RowKey key, String id, EncodedRow row) throws RowRejectedException {
        int[] ids = row.inputIds();
        int[] labels = row.labels();
        byte[] mask = row.assistantMask();
        boolean truncated = false;
        if (limit.exceeded(ids.length)) {
            if (limit.policy() == MaxLengthPolicy.DROP) {
                return EncodedRecord.filtered(key, id, ids.length);
            }
            if (limit.policy() == MaxLengthPolicy.TRUNCATE) {
                int n = limit.maxLength();
                ids = Arrays.copyOf(ids, n);
                labels = Arrays.copyOf(labels, n);
                mask = Arrays.copyOf(mask, n);
                truncated = true;
            }
        }
        int trained = 0;
        for (int label : labels) {
            if (label != AssistantMask.IGNORE_INDEX) {
                trained++;
            }
        }
        if (trained == 0) {
            throw new RowRejectedException("mask", truncated
                    ? "no trained tokens left after truncation to " + limit.maxLength() + " tokens"
                    : "no trained tokens: the template marks no assistant output in this row");
        }
        EncodedImages images = row.images();
        if (images == null) {
            return EncodedRecord.written(key, id, ids, labels, mask, trained, truncated, null, null);
        }
        int kept = keptImages(images, ids.length);
        return EncodedRecord.written(key, id, ids, labels, mask, trained, truncated,
                images.locations().subList(0, kept).toArray(String[]::new),
                images.grids() == null ? null : Arrays.copyOf(images.grids(), kept));
    }

    /**
     * How many of the row's images keep all their tokens in the first {@code length}: truncation may drop whole
     * images from the end, never cut one in two (the model needs all of an image's tokens or none).
     */
    private static int keptImages(EncodedImages images, int length) throws RowRejectedException {
        int[] ranges = images.tokenRanges();
        int kept = 0;
        for (int i = 0; i < images.count(); i++) {
            if (ranges[2 * i + 1] <= length) {
                kept++;
            } else if (ranges[2 * i] < length) {
                throw new RowRejectedException("image", "truncation to " + length + " tokens would cut image " + (i + 1)
                        + " (" + images.locations().get(i) + ", tokens " + ranges[2 * i] + "-" + (ranges[2 * i + 1] - 1)
                        + ") in two");
            }
        }
        return kept;
    }
}
