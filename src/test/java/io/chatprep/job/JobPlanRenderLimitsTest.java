package io.chatprep.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatprep.job.config.ConfigException;
import io.chatprep.job.config.JobConfig;
import io.chatprep.template.RenderLimits;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render_timeout_seconds}, {@code render_memory_mb}, {@code render_output_chars} reach every encoder. */
class JobPlanRenderLimitsTest {
    @TempDir
    Path dir;

    private JobConfig config(String name, String... settings) {
        return JobTestSupport.config(JobPlanDeriveMasksTest.ROWS, dir.resolve(name), JobPlanDeriveMasksTest.TOKENIZER,
                settings);
    }

    @Test
    void defaultsAreTheEnginesAndTheKeysReachTheEncoderOptions() {
        assertEquals(RenderLimits.DEFAULT, JobPlan.prepare(config("a"), new Configuration()).spec().options()
                .renderLimits());
        RenderLimits set = JobPlan.prepare(config("b", "render_timeout_seconds=2.5", "render_memory_mb=64",
                "render_output_chars=1000000"), new Configuration()).spec().options().renderLimits();
        assertEquals(Duration.ofMillis(2500), set.timeBudget());
        assertEquals(64L << 20, set.maxMemoryBytes());
        assertEquals(1_000_000, set.maxOutputChars());
        assertEquals(1_000_000, set.maxStringChars());
    }

    @Test
    void badValuesNameTheirKey() {
        for (String[] bad : new String[][] {{"render_timeout_seconds", "0"}, {"render_memory_mb", "-1"},
                {"render_output_chars", "0"}}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> config("c", bad[0] + "=" + bad[1]).validate());
            assertTrue(e.getMessage().startsWith("'" + bad[0] + "'"), e.getMessage());
        }
    }
}
