package io.chatprep.job;

import io.chatprep.job.config.JobConfig;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reuse_segments} and {@code java_bpe} reach the encoder spec every executor builds its encoder from. */
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

    @Test
    void javaBpeReachesTheEncoderOptionsAndTheRunSaysHowRowsAreTokenized() {
        JobPlan java = JobPlan.prepare(JobTestSupport.config(JobPlanDeriveMasksTest.ROWS, dir.resolve("c"),
                JobPlanDeriveMasksTest.TOKENIZER), new Configuration());
        assertTrue(java.spec().options().javaBpe());
        assertTrue(java.encodingExplanation().startsWith("text between added tokens encoded in Java"),
                java.encodingExplanation());

        JobPlan nativeOnly = JobPlan.prepare(JobTestSupport.config(JobPlanDeriveMasksTest.ROWS, dir.resolve("d"),
                JobPlanDeriveMasksTest.TOKENIZER, "java_bpe=false"), new Configuration());
        assertFalse(nativeOnly.spec().options().javaBpe());
        assertTrue(nativeOnly.spec().options().reuseSegments());
        assertTrue(nativeOnly.encodingExplanation().contains("java_bpe off"), nativeOnly.encodingExplanation());

        JobPlan whole = JobPlan.prepare(JobTestSupport.config(JobPlanDeriveMasksTest.ROWS, dir.resolve("e"),
                JobPlanDeriveMasksTest.TOKENIZER, "reuse_segments=false"), new Configuration());
        assertTrue(whole.encodingExplanation().contains("reuse_segments off"), whole.encodingExplanation());
    }
}
