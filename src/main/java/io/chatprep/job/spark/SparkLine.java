package io.chatprep.job.spark;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.Map;

/**
 * What differs between the Spark lines chatprep builds for (Spark 4 / Scala 2.13 by default, Spark 3.5 / Scala 2.12
 * with {@code -Pspark3.5}). Each line has one implementation, {@code ThisSparkLine}, in {@code src/main/spark-<line>};
 * the Maven profile decides which directory is compiled, so everything else is written once.
 */
public interface SparkLine {
    /** The line this jar was built for. */
    static SparkLine current() {
        return ThisSparkLine.INSTANCE;
    }

    /** A session with these settings (master and app name among them), or the running one with them applied. */
    SparkSession session(Map<String, String> settings);

    /**
     * Writes one data page of a {@code list<int32>} column whose levels are one bit wide: {@code rows} lists,
     * {@code emptyLists} of them empty, {@code values} values. Parquet 1.15 (Spark 4) also records the page's level
     * histograms, which earlier Parquet does not know.
     */
    void writeListPage(PageWriter pages, BytesInput body, PrimitiveType type, Statistics<?> stats, int rows,
                       int emptyLists, int values, Encoding valueEncoding) throws IOException;

    /** The page store of one row group, pages compressed with Snappy. */
    ColumnChunkPageWriteStore snappyPages(CodecFactory codecs, MessageType schema, ParquetProperties props);

    /** Frees a row group's page buffers (Parquet 1.15 holds them until closed). */
    void release(ColumnChunkPageWriteStore pages);

    /** Closes a file whose footer is written (Parquet 1.15 keeps the stream open until then). */
    void close(ParquetFileWriter file) throws IOException;
}
