package io.chatprep.job.output;

import io.chatprep.job.layout.ImageColumns;
import io.chatprep.job.layout.OutputSchema;
import io.chatprep.job.spark.SparkLine;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One Parquet data file of {@link DataRow}s, written column by column straight from the rows' primitive arrays.
 *
 * <p>The layout is the one Spark gives the columns of {@link OutputSchema#data} (three-level lists of required
 * elements, int8 masks, Spark's schema in the footer), so Spark, pyarrow and HF {@code datasets} read the files
 * as if Spark had written them. parquet-mr's record API costs a group start and end per token, which would make
 * writing a third of a run's time. The int list columns are {@link IntListColumn}s, which
 * take a row's array at once; the id and the counts go through parquet-mr's column writers, a value per row.
 * Snappy and parquet-mr's default sizes, as Spark writes by default.
 */
final class DataFileWriter implements AutoCloseable {
    /** The footer key under which Spark keeps a file's Spark schema. */
    static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";
    static final long ROW_GROUP_BYTES = ParquetWriter.DEFAULT_BLOCK_SIZE;

    // Levels of the packed ids' list, a required three-level list of required elements: an empty list is one null
    // at definition 0; a value is defined at 1 and repeats at 1 after the list's first element.
    private static final int EMPTY = 0;
    private static final int DEFINED = 1;
    private static final int FIRST = 0;
    private static final int REPEATED = 1;

    private final MessageType schema;
    private final boolean packed;
    private final boolean assistantMasks;
    private final ImageColumns imageColumns;
    private final long rowGroupBytes;
    private final ParquetProperties props = ParquetProperties.builder().build();
    /** The columns parquet-mr's column writers take (the id and the counts); the int lists are {@link IntListColumn}s. */
    private final MessageType scalarSchema;
    private final List<ColumnDescriptor> listColumns;
    private final OrderedFooterFile output;
    private final ParquetFileWriter file;
    private final CodecFactory codecs;
    private final Map<String, String> footer;

    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore columns;
    private ColumnWriter[] writers;
    private IntListColumn[] lists;
    private long groupRows;
    private long nextSizeCheck;
    private boolean closed;

    DataFileWriter(Path path, Configuration hadoop, boolean packed, boolean assistantMasks) throws IOException {
        this(path, hadoop, packed, assistantMasks, ImageColumns.NONE, ROW_GROUP_BYTES);
    }

    DataFileWriter(Path path, Configuration hadoop, boolean packed, boolean assistantMasks, ImageColumns images)
            throws IOException {
        this(path, hadoop, packed, assistantMasks, images, ROW_GROUP_BYTES);
    }

    DataFileWriter(Path path, Configuration hadoop, boolean packed, boolean assistantMasks, long rowGroupBytes)
            throws IOException {
        this(path, hadoop, packed, assistantMasks, ImageColumns.NONE, rowGroupBytes);
    }

    DataFileWriter(Path path, Configuration hadoop, boolean packed, boolean assistantMasks, ImageColumns images,
                   long rowGroupBytes) throws IOException {
        this.schema = schema(packed, assistantMasks, images);
        this.scalarSchema = new MessageType(schema.getName(), schema.getFields().stream()
                .filter(f -> !isIntList(f)).toList());
        this.listColumns = schema.getFields().stream().filter(DataFileWriter::isIntList)
                .map(f -> schema.getColumnDescription(new String[] {f.getName(), "list", "element"})).toList();
        this.packed = packed;
        this.assistantMasks = assistantMasks;
        this.imageColumns = images;
        this.rowGroupBytes = rowGroupBytes;
        this.footer = Map.of(SPARK_SCHEMA_KEY, OutputSchema.data(packed, assistantMasks, images).json());
        this.output = new OrderedFooterFile(HadoopOutputFile.fromPath(path, hadoop));
        this.file = new ParquetFileWriter(output, schema,
                ParquetFileWriter.Mode.OVERWRITE, rowGroupBytes, ParquetWriter.MAX_PADDING_SIZE_DEFAULT,
                props.getColumnIndexTruncateLength(), props.getStatisticsTruncateLength(),
                props.getPageWriteChecksumEnabled());
        file.start();
        this.codecs = new CodecFactory(hadoop, props.getPageSizeThreshold());
        startRowGroup();
    }

    static MessageType schema(boolean packed, boolean assistantMasks) {
        return schema(packed, assistantMasks, ImageColumns.NONE);
    }

    static MessageType schema(boolean packed, boolean assistantMasks, ImageColumns images) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        if (packed) {
            b.addField(Types.requiredList().requiredElement(PrimitiveTypeName.BINARY)
                    .as(LogicalTypeAnnotation.stringType()).named("ids"));
        } else {
            b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("id");
        }
        b.addField(Types.requiredList().requiredElement(PrimitiveTypeName.INT32).named("input_ids"));
        b.addField(Types.requiredList().requiredElement(PrimitiveTypeName.INT32).named("labels"));
        if (assistantMasks) {
            b.addField(Types.requiredList().requiredElement(PrimitiveTypeName.INT32)
                    .as(LogicalTypeAnnotation.intType(8, true)).named("assistant_masks"));
        }
        if (packed) {
            b.addField(Types.requiredList().requiredElement(PrimitiveTypeName.INT32).named("seq_lengths"));
        }
        if (images.images()) {
            b.addField(Types.requiredList().requiredElement(PrimitiveTypeName.BINARY)
                    .as(LogicalTypeAnnotation.stringType()).named("images"));
        }
        if (images.grids()) {
            b.addField(Types.requiredList().requiredListElement().requiredElement(PrimitiveTypeName.INT32)
                    .named("image_grid_thw"));
        }
        b.required(PrimitiveTypeName.INT32).named("num_tokens");
        b.required(PrimitiveTypeName.INT32).named("num_trained_tokens");
        return b.named("spark_schema");
    }

    /** A list of ints (not of strings, not nested): the columns {@link IntListColumn} writes. */
    private static boolean isIntList(org.apache.parquet.schema.Type field) {
        if (field.isPrimitive()) {
            return false;
        }
        org.apache.parquet.schema.Type element = field.asGroupType().getType(0).asGroupType().getType(0);
        return element.isPrimitive() && element.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT32;
    }

    /** Writes one row; columns in schema order. */
    void write(DataRow row) throws IOException {
        int c = 0;
        if (packed) {
            strings(writers[c++], row.ids());
        } else {
            writers[c++].write(Binary.fromString(row.id()), 0, 0);
        }
        int l = 0;
        lists[l++].add(row.inputIds());
        lists[l++].add(row.labels());
        if (assistantMasks) {
            lists[l++].add(row.assistantMask());
        }
        if (packed) {
            lists[l].add(row.seqLengths());
        }
        if (imageColumns.images()) {
            strings(writers[c++], row.images());
        }
        if (imageColumns.grids()) {
            grids(writers[c++], row.imageGrids());
        }
        writers[c++].write(row.numTokens(), 0, 0);
        writers[c].write(row.numTrainedTokens(), 0, 0);
        columns.endRecord();
        groupRows++;
        if (groupRows >= nextSizeCheck) {
            checkRowGroupSize();
        }
    }

    private static void strings(ColumnWriter w, String[] values) {
        if (values.length == 0) {
            w.writeNull(FIRST, EMPTY);
            return;
        }
        for (int i = 0; i < values.length; i++) {
            w.write(Binary.fromString(values[i]), i == 0 ? FIRST : REPEATED, DEFINED);
        }
    }

    /**
     * A list of int lists (each image's {@code [t, h, w]}): the outer list repeats at level 1, the inner at 2, every
     * value defined at 2; an empty outer list is one null at definition 0.
     */
    private static void grids(ColumnWriter w, int[][] grids) {
        if (grids.length == 0) {
            w.writeNull(FIRST, EMPTY);
            return;
        }
        for (int k = 0; k < grids.length; k++) {
            for (int j = 0; j < grids[k].length; j++) {
                w.write(grids[k][j], k == 0 && j == 0 ? 0 : j == 0 ? 1 : 2, 2);
            }
        }
    }

    /**
     * Measuring the buffered size walks every column, so it is done now and then: when the group looks about
     * to fill, the next check comes sooner (parquet-mr's own writer paces itself the same way).
     */
    private void checkRowGroupSize() throws IOException {
        long buffered = columns.getBufferedSize();
        for (IntListColumn list : lists) {
            buffered += list.bufferedSize();
        }
        long perRow = Math.max(1, buffered / groupRows);
        if (buffered > rowGroupBytes - 2 * perRow) {
            flushRowGroup();
            startRowGroup();
            return;
        }
        long rowsToFull = (rowGroupBytes - buffered) / perRow;
        nextSizeCheck = groupRows + Math.max(props.getMinRowCountForPageSizeCheck(),
                Math.min(rowsToFull / 2, props.getMaxRowCountForPageSizeCheck()));
    }

    private void startRowGroup() {
        pages = SparkLine.current().snappyPages(codecs, schema, props);
        columns = props.newColumnWriteStore(scalarSchema, pages, pages);
        List<ColumnDescriptor> descriptors = scalarSchema.getColumns();
        writers = new ColumnWriter[descriptors.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = columns.getColumnWriter(descriptors.get(i));
        }
        lists = new IntListColumn[listColumns.size()];
        for (int i = 0; i < lists.length; i++) {
            lists[i] = new IntListColumn(pages.getPageWriter(listColumns.get(i)), listColumns.get(i), props);
        }
        groupRows = 0;
        nextSizeCheck = props.getMinRowCountForPageSizeCheck();
    }

    private void flushRowGroup() throws IOException {
        try {
            if (groupRows > 0) {
                file.startBlock(groupRows);
                columns.flush();
                for (IntListColumn list : lists) {
                    list.finish();
                }
                pages.flushToFileWriter(file);
                file.endBlock();
            }
        } finally {
            columns.close();
            SparkLine.current().release(pages);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        // A file left half written on failure lies in its task attempt's directory, which is then discarded.
        try {
            flushRowGroup();
            output.holdTail();
            file.end(footer);
        } finally {
            codecs.release();
            SparkLine.current().close(file);
        }
    }
}
