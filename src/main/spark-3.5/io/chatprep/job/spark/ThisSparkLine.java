package io.chatprep.job.spark;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.Map;

/** Spark 3.5 (Scala 2.12): one kind of session, built by the generic builder. */
final class ThisSparkLine implements SparkLine {
    static final SparkLine INSTANCE = new ThisSparkLine();

    private ThisSparkLine() {
    }

    @Override
    public SparkSession session(Map<String, String> settings) {
        SparkSession.Builder b = SparkSession.builder();
        settings.forEach(b::config);
        return b.getOrCreate();
    }

    @Override
    public void writeListPage(PageWriter pages, BytesInput body, PrimitiveType type, Statistics<?> stats, int rows,
                              int emptyLists, int values, Encoding valueEncoding) throws IOException {
        pages.writePage(body, values + emptyLists, rows, stats, Encoding.RLE, Encoding.RLE, valueEncoding);
    }

    @Override
    public ColumnChunkPageWriteStore snappyPages(CodecFactory codecs, MessageType schema, ParquetProperties props) {
        // The same source as Spark 4's, compiled against another constructor: Parquet 1.13 takes the compressor's
        // class where 1.15 takes its interface.
        return new ColumnChunkPageWriteStore(codecs.getCompressor(CompressionCodecName.SNAPPY), schema,
                props.getAllocator(), props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled());
    }

    @Override
    public void release(ColumnChunkPageWriteStore pages) {
        // Parquet 1.13's page store holds nothing to free.
    }

    @Override
    public void close(ParquetFileWriter file) {
        // Parquet 1.13 closes the stream as it writes the footer.
    }
}
