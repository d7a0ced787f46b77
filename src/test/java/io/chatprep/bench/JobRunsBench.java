package io.chatprep.bench;

import io.chatprep.ChatPrep;
import io.chatprep.job.JobResult;
import io.chatprep.job.SparkSessions;
import io.chatprep.job.tasks.EncoderCache;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The same job run several times in one Spark session, as a notebook or a long-lived driver runs it: the first
 * run pays the JVM's warm-up (class loading, JIT compilation) and loads the tokenizer; later ones show the job on
 * warm code with the tokenizer loaded, as a session running the job again on new data sees it. Before every run the
 * encoders' segment and word caches are emptied, so nothing learnt from the data carries over.
 *
 * <p>Arguments: master, runs, input, tokenizer dir, template, then any {@code key=value} job options. Prints {@code JOBRUN <n> <seconds> <rows> <tokens>}
 * per run.
 */
public final class JobRunsBench {
    public static void main(String[] argv) throws Exception {
        String master = argv[0];
        int runs = Integer.parseInt(argv[1]);
        SparkSession spark = SparkSessions.local(master, "chatprep-bench", Map.of());
        Path work = Files.createTempDirectory("chatprep-job-runs");
        try {
            for (int i = 1; i <= runs; i++) {
                EncoderCache.clearCaches();
                ChatPrep job = ChatPrep.builder(spark);
                for (int k = 5; k < argv.length; k++) {
                    int eq = argv[k].indexOf('=');
                    job.option(argv[k].substring(0, eq), argv[k].substring(eq + 1));
                }
                JobResult r = job
                        .option("input", argv[2])
                        .option("tokenizer", argv[3])
                        .option("chat_template", argv[4])
                        .option("output", work.resolve("out-" + i).toString())
                        .option("now", "2026-01-01T00:00:00")
                        .option("progress_interval_seconds", 3600)
                        .execute();
                System.out.printf("JOBRUN %d %.3f %d %d%n", i, r.seconds(), r.rowsRead(), r.totalTokens());
            }
        } finally {
            spark.stop();
        }
    }
}
