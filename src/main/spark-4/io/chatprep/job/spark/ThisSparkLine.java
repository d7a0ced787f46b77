package io.chatprep.job.spark;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Spark 4 (Scala 2.13). */
final class ThisSparkLine implements SparkLine {
    static final SparkLine INSTANCE = new ThisSparkLine();

    private ThisSparkLine() {
    }

    @Override
    public SparkSession session(Map<String, String> settings) {
        // The classic (in-JVM) builder itself: the job needs a SparkContext, which a Connect session lacks, and the
        // generic builder finds the classic one through Scala's runtime reflection, 1.5 s of a fresh JVM's start.
        org.apache.spark.sql.classic.SparkSession.Builder b = org.apache.spark.sql.classic.SparkSession.builder();
        settings.forEach(b::config);
        return b.getOrCreate();
    }

    @Override
    public void writeListPage(PageWriter pages, BytesInput body, PrimitiveType type, Statistics<?> stats, int rows,
                              int emptyLists, int values, Encoding valueEncoding) throws IOException {
        int levels = values + emptyLists;
        // Repetition level 0 starts every row, 1 continues a list; definition 0 is an empty list, 1 a value.
        SizeStatistics sizes = new SizeStatistics(type, 0L, List.of((long) rows, (long) (levels - rows)),
                List.of((long) emptyLists, (long) values));
        pages.writePage(body, levels, rows, stats, sizes, Encoding.RLE, Encoding.RLE, valueEncoding);
    }

    @Override
    public ColumnChunkPageWriteStore snappyPages(CodecFactory codecs, MessageType schema, ParquetProperties props) {
        return new ColumnChunkPageWriteStore(codecs.getCompressor(CompressionCodecName.SNAPPY), schema,
                props.getAllocator(), props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled());
    }

    @Override
    public void release(ColumnChunkPageWriteStore pages) {
        pages.close();
    }

    @Override
    public void close(ParquetFileWriter file) throws IOException {
        file.close();
    }
}
