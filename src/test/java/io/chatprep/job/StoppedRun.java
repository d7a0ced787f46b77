package io.chatprep.job;

import io.chatprep.encode.EncodedRow;
import io.chatprep.encode.EncoderSpec;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.config.JobConfigLoader;
import io.chatprep.job.tasks.EncoderFactory;
import io.chatprep.job.tasks.RowEncoder;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

/**
 * A run for {@link StopSignalTest} to stop: the command's stop handling and the job, over rows that take a while
 * each, in a JVM of its own. Ends the way {@code chatprep run} ends: one line on standard error, or none when stopped.
 * Arguments: input, output, template, tokenizer directory.
 */
public final class StoppedRun {
    private StoppedRun() {
    }

    /** The character encoder, slowed to 100 ms a row so the run is still encoding when the signal comes. */
    static final class SlowFactory implements EncoderFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public RowEncoder open(EncoderSpec spec) {
            RowEncoder inner = CharacterEncoder.factory().open(spec);
            return new RowEncoder() {
                @Override
                public EncodedRow encode(Map<String, Object> row) throws io.chatprep.encode.RowRejectedException {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return inner.encode(row);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    public static void main(String[] args) throws Exception {
        JobConfig config = new JobConfigLoader().set("input", args[0]).set("output", args[1])
                .set("chat_template", args[2]).set("tokenizer", args[3]).set("progress_interval_seconds", "600")
                .set("max_quarantine_share", "1").load();
        try (AutoCloseable stop = StopSignal.watchCommand("run", config.output())) {
            SparkSession spark = SparkSessions.local("local[1]", "stopped-run", Map.of());
            new ChatPrepJob(spark, new SlowFactory(), System.out).run(config);
            System.out.println("finished");
        } catch (Exception e) {
            if (!StopSignal.stopping()) {
                System.err.println("chatprep run: " + e.getMessage());
            }
            System.exit(1);
        }
        System.exit(0);
    }
}
