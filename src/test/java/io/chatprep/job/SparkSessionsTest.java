package io.chatprep.job;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A run chatprep starts itself is quiet; a run spark-submit started keeps the cluster's master and logging. */
class SparkSessionsTest {
    @Test
    void aLocalRunLogsWarningsOnlyAndBindsToLoopback() {
        Map<String, String> s = SparkSessions.settings("local[2]", "chatprep", null, Map.of());
        assertEquals("WARN", s.get("spark.log.level"));
        assertEquals("local[2]", s.get("spark.master"));
        assertEquals("127.0.0.1", s.get("spark.driver.host"));
    }

    @Test
    void aSubmittedRunLeavesTheLogLevelAndMasterToSparkSubmit() {
        Map<String, String> s = SparkSessions.settings("local[*]", "chatprep", "spark://127.0.0.1:7077", Map.of());
        assertFalse(s.containsKey("spark.log.level"), "spark-submit's --conf spark.log.level must stand");
        assertEquals("spark://127.0.0.1:7077", s.get("spark.master"));
        assertFalse(s.containsKey("spark.driver.host"), "a cluster driver is reached at its own address");
    }

    @Test
    void theConfigsSparkSettingsWin() {
        Map<String, String> s = SparkSessions.settings("local[2]", "chatprep", null, Map.of("spark.log.level", "INFO"));
        assertEquals("INFO", s.get("spark.log.level"));
    }
}
