package io.chatprep.job;

import io.chatprep.job.config.JobConfig;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reuse_segments} reaches the encoder spec every executor builds its encoder from. */
class JobPlanReuseSegmentsTest {
    @TempDir
    Path dir;

    @Test
    void theConfigKeyReachesTheEncoderOptions() {
        JobConfig on = JobTestSupport.config(JobPlanDeriveMasksTest.ROWS, dir.resolve("a"), JobPlanDeriveMasksTest.TOKENIZER);
        assertTrue(JobPlan.prepare(on, new Configuration()).spec().options().reuseSegments());

        JobConfig off = JobTestSupport.config(JobPlanDeriveMasksTest.ROWS, dir.resolve("b"), JobPlanDeriveMasksTest.TOKENIZER,
                "reuse_segments=false", "chat_template=" + JobPlanDeriveMasksTest.ORIGINAL, "derive_masks=true");
        var options = JobPlan.prepare(off, new Configuration()).spec().options();
        assertFalse(options.reuseSegments());
        assertTrue(options.deriveMasks());
    }
}
