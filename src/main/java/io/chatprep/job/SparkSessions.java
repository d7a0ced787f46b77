package io.chatprep.job;

import io.chatprep.job.spark.SparkLine;
import org.apache.spark.sql.SparkSession;

import java.util.LinkedHashMap;
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
        return SparkLine.current().session(settings(master, appName, System.getProperty("spark.master"), extra));
    }

    /**
     * The settings of such a session. {@code submittedMaster} is spark-submit's master, null when chatprep started
     * the JVM itself: a submitted run belongs to the cluster, whose master and logging it keeps.
     */
    static Map<String, String> settings(String master, String appName, String submittedMaster,
                                        Map<String, String> extra) {
        String effective = submittedMaster != null ? submittedMaster : master;
        Map<String, String> s = new LinkedHashMap<>();
        s.put("spark.app.name", appName);
        s.put("spark.master", effective);
        // Executors (and the local driver) run one tokenizer thread per task thread.
        s.put("spark.executorEnv.RAYON_NUM_THREADS", "1");
        s.put("spark.executorEnv.TOKENIZERS_PARALLELISM", "false");
        // Retried or speculative copies of a task must not race on output files.
        s.put("spark.speculation", "false");
        if (submittedMaster == null) {
            // Progress lines and the summary are the console output; Spark's INFO lines would bury them.
            s.put("spark.log.level", "WARN");
        }
        if (effective.startsWith("local")) {
            s.put("spark.driver.bindAddress", "127.0.0.1");
            s.put("spark.driver.host", "127.0.0.1");
            s.put("spark.ui.enabled", "false");
        }
        s.putAll(extra);
        return s;
    }
}
