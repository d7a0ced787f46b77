package io.chatprep.job.layout;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

import java.io.IOException;

/** Opens a Parquet file to read its footer. */
public final class ParquetFooters {
    private ParquetFooters() {
    }

    /**
     * A reader of {@code file} configured by the run's own Hadoop settings. parquet-mr's one-argument
     * {@code open} makes a new Hadoop Configuration, which parses Hadoop's default XML files again on every call:
     * for a warm run's footers, most of the driver's time after its tasks.
     */
    public static ParquetFileReader open(FileStatus file, Configuration hadoop) throws IOException {
        return ParquetFileReader.open(HadoopInputFile.fromStatus(file, hadoop), HadoopReadOptions.builder(hadoop).build());
    }
}
