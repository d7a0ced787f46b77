package io.chatprep.job;

import org.apache.spark.sql.SparkSession;

/** One local Spark session for every test class in the JVM: starting Spark costs seconds. */
public final class SparkTestSession {
    private static SparkSession session;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (session == null) {
            // local[2,2]: two task threads, and a failed task is retried once, as on a cluster.
            session = SparkSessions.local("local[2,2]", "chatprep-tests", java.util.Map.of(
                    "spark.sql.shuffle.partitions", "4",
                    "spark.default.parallelism", "2"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
        }
        return session;
    }
}
