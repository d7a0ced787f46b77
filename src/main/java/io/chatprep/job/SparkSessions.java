package io.chatprep.job;

import org.apache.spark.sql.SparkSession;

import java.util.Map;

/** Spark sessions the way chatprep needs them: local runs bound to loopback with the UI off. */
public final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * A session for {@code master} (or spark-submit's master when launched by it); with a {@code local} master the driver binds to 127.0.0.1 (the machine's
     * default interface may not be reachable) and the web UI stays off unless {@code extra} turns it on.
     */
    public static SparkSession local(String master, String appName, Map<String, String> extra) {
        // Under spark-submit the master comes from the command line and must not be overridden.
        String submitted = System.getProperty("spark.master");
        String effective = submitted != null ? submitted : master;
        // The classic (in-JVM) builder itself: the job needs a SparkContext, which a Connect session lacks, and the
        // generic builder finds the classic one through Scala's runtime reflection, 1.5 s of a fresh JVM's start.
        org.apache.spark.sql.classic.SparkSession.Builder b = org.apache.spark.sql.classic.SparkSession.builder()
                .appName(appName).master(effective)
                // Executors (and the local driver) run one tokenizer thread per task thread.
                .config("spark.executorEnv.RAYON_NUM_THREADS", "1")
                .config("spark.executorEnv.TOKENIZERS_PARALLELISM", "false")
                // Retried or speculative copies of a task must not race on output files.
                .config("spark.speculation", "false")
                // Progress lines and the summary are the console output; Spark's INFO lines would bury them.
                .config("spark.log.level", "WARN");
        if (effective.startsWith("local")) {
            b.config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.ui.enabled", "false");
        }
        extra.forEach(b::config);
        return b.getOrCreate();
    }
}
