package io.chatprep.job;

import io.chatprep.job.config.JobConfig;
import io.chatprep.job.encode.BroadcastSpec;
import io.chatprep.job.encode.EncoderCache;
import io.chatprep.job.encode.EncoderFactory;
import io.chatprep.job.encode.RowEncoder;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A local run's encoder is built before its session exists, and it is the very encoder the run's tasks use. */
class EncoderWarmUpTest {
    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        EncoderCache.closeAll();
    }

    @Test
    void aLocalRunsEncoderIsReadyBeforeTheSession() {
        EncoderCache.closeAll();
        JobConfig config = JobTestSupport.config(JobPlanDeriveMasksTest.ROWS, dir.resolve("out"),
                JobPlanDeriveMasksTest.TOKENIZER, "master=local[2]");
        Thread warmUp = EncoderWarmUp.beforeLocalSession(config);
        assertNotNull(warmUp);
        EncoderWarmUp.await(warmUp);
        assertEquals(1, EncoderCache.size());
        // The job finds it under the key its own plan gives: no second encoder is built.
        JobPlan plan = JobPlan.prepare(config, new Configuration());
        BroadcastSpec spec = BroadcastSpec.of(plan.spec());
        RowEncoder cached = EncoderCache.get(spec.key(), spec.spec(), EncoderFactory.conversationEncoder());
        assertEquals(1, EncoderCache.size());
        assertSame(cached, EncoderCache.get(spec.key(), spec.spec(), EncoderFactory.conversationEncoder()));
        assertSame(cached, EncoderCache.cached(spec.key(), EncoderFactory.conversationEncoder()));
        // The run prints the built encoder's account of its tokenization; a driver without one says the same.
        assertEquals(plan.encodingExplanation(), cached.tokenization());
    }

    @Test
    void theRunTakesTheWarmUpsPlanOnceAndOnlyForItsOwnConfig() {
        EncoderCache.closeAll();
        JobConfig config = JobTestSupport.config(JobPlanDeriveMasksTest.ROWS, dir.resolve("out"),
                JobPlanDeriveMasksTest.TOKENIZER, "master=local[1]");
        JobConfig equalButAnother = JobTestSupport.config(JobPlanDeriveMasksTest.ROWS, dir.resolve("out"),
                JobPlanDeriveMasksTest.TOKENIZER, "master=local[1]");
        EncoderWarmUp.await(EncoderWarmUp.beforeLocalSession(config));
        assertNull(EncoderWarmUp.takePlan(equalButAnother));
        EncoderWarmUp.Prepared taken = EncoderWarmUp.takePlan(config);
        assertNotNull(taken);
        // The same plan the run would make itself, down to the broadcast spec's key.
        JobPlan own = JobPlan.prepare(config, new Configuration());
        assertEquals(BroadcastSpec.of(own.spec()).key(), taken.spec().key());
        assertEquals(own.templateExplanation(), taken.plan().templateExplanation());
        assertNull(EncoderWarmUp.takePlan(config));

        // A warm-up that could not plan hands over nothing: the run plans and reports the failure itself.
        JobConfig broken = JobTestSupport.config(JobPlanDeriveMasksTest.ROWS, dir.resolve("b"),
                dir.resolve("no-tokenizer"), "master=local[1]");
        EncoderWarmUp.await(EncoderWarmUp.beforeLocalSession(broken));
        assertNull(EncoderWarmUp.takePlan(broken));
    }

    @Test
    void lookingAnEncoderUpBuildsNone() {
        EncoderCache.closeAll();
        assertNull(EncoderCache.cached("no such spec", EncoderFactory.conversationEncoder()));
        assertEquals(0, EncoderCache.size());
    }

    @Test
    void clusterRunsAndBrokenConfigsWarmNothing() {
        EncoderCache.closeAll();
        assertNull(EncoderWarmUp.beforeLocalSession(JobTestSupport.config(JobPlanDeriveMasksTest.ROWS,
                dir.resolve("a"), JobPlanDeriveMasksTest.TOKENIZER, "master=spark://cluster:7077")));
        // A tokenizer that does not exist: the warm-up fails quietly and leaves the report to the run.
        EncoderWarmUp.await(EncoderWarmUp.beforeLocalSession(JobTestSupport.config(JobPlanDeriveMasksTest.ROWS,
                dir.resolve("b"), dir.resolve("no-tokenizer"), "master=local[1]")));
        assertEquals(0, EncoderCache.size());
    }
}
