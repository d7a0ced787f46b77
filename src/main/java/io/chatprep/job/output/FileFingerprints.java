package io.chatprep.job.output;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * What the manifest records of the files a run read and wrote: enough for a scheduler to tell whether a rerun
 * would read the same input (path, size, modification time) and whether an output is still the one written
 * (size, sha256).
 */
public final class FileFingerprints {
    private FileFingerprints() {
    }

    /** An input file as its filesystem lists it. */
    public record Input(String path, long bytes, String modified) {
    }

    /** An output file, by its path below the output directory. */
    public record Output(String path, long bytes, String sha256) implements Serializable {
    }

    /** Every input file's size and modification time, in the run's file order. */
    public static List<Input> inputs(List<String> files, Configuration conf) {
        List<Input> out = new ArrayList<>(files.size());
        for (String f : files) {
            Path p = new Path(f);
            try {
                FileStatus s = p.getFileSystem(conf).getFileStatus(p);
                out.add(new Input(f, s.getLen(), Instant.ofEpochMilli(s.getModificationTime()).toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the size and time of input file " + f + ": "
                        + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * The data and quarantine files under {@code dir} and the dataset card, each read once to hash it. On a cluster
     * the reads run as one Spark job, a task per file, so a large output is hashed by the executors in parallel
     * rather than streamed through the driver; in local mode the tasks would run in this JVM anyway, so its own
     * threads read the files and the run saves a job's scheduling (a few tenths of a second of a small run).
     */
    public static List<Output> outputs(JavaSparkContext jsc, Path dir, Configuration conf) {
        List<String> names = new ArrayList<>();
        try {
            FileSystem fs = dir.getFileSystem(conf);
            for (String sub : List.of("data", "quarantine")) {
                Path d = new Path(dir, sub);
                if (!fs.exists(d)) {
                    continue;
                }
                FileStatus[] listed = fs.listStatus(d);
                Arrays.sort(listed);
                for (FileStatus s : listed) {
                    String name = s.getPath().getName();
                    if (s.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                        names.add(sub + "/" + name);
                    }
                }
            }
            if (fs.exists(new Path(dir, DatasetCard.FILE_NAME))) {
                names.add(DatasetCard.FILE_NAME);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the output files in " + dir + ": " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            return List.of();
        }
        String base = dir.toString();
        if (jsc.isLocal()) {
            return names.parallelStream().map(name -> {
                try {
                    return hash(new Path(base, name), name, conf);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read output file " + name + " to hash it: "
                            + e.getMessage(), e);
                }
            }).toList();
        }
        Broadcast<SerializableConfiguration> shared = jsc.broadcast(new SerializableConfiguration(conf));
        try {
            return jsc.parallelize(names, Math.min(names.size(), Math.max(1, jsc.defaultParallelism())))
                    .map(name -> hash(new Path(base, name), name, shared.value().value()))
                    .collect();
        } finally {
            shared.destroy();
        }
    }

    static Output hash(Path file, String name, Configuration conf) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = file.getFileSystem(conf).open(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                bytes += n;
            }
        }
        return new Output(name, bytes, HexFormat.of().formatHex(sha.digest()));
    }
}
