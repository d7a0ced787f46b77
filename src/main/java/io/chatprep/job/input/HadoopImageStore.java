package io.chatprep.job.input;

import io.chatprep.vision.ByteSource;
import io.chatprep.vision.ImageLocations;
import io.chatprep.vision.ImageStore;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkEnv;
import org.apache.spark.deploy.SparkHadoopUtil;

import java.io.IOException;

/**
 * Image headers read where the job reads its input: local paths directly, any other scheme (s3a, gs, hdfs, abfs,
 * http) through Hadoop's FileSystem with positioned reads, so only the header's bytes are fetched. The Hadoop
 * settings are the Spark application's ({@code spark.hadoop.*} included), built once per executor JVM.
 */
public final class HadoopImageStore implements ImageStore {
    private static volatile Configuration conf;

    @Override
    public ByteSource open(String location) throws IOException {
        if (!ImageLocations.hasScheme(location)) {
            return ByteSource.of(java.nio.file.Path.of(location));
        }
        Path path = new Path(location);
        FileSystem fs = path.getFileSystem(configuration());
        FSDataInputStream in = fs.open(path);
        return new ByteSource() {
            @Override
            public int read(long position, byte[] buffer, int offset, int length) throws IOException {
                return in.read(position, buffer, offset, length);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static Configuration configuration() {
        Configuration c = conf;
        if (c == null) {
            SparkEnv env = SparkEnv.get();
            c = env == null ? new Configuration() : SparkHadoopUtil.get().newConfiguration(env.conf());
            conf = c;
        }
        return c;
    }
}
