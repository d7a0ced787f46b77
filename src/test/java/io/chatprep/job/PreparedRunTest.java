package io.chatprep.job;

import io.chatprep.job.config.ConfigException;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.tasks.EncoderCache;
import io.chatprep.job.tasks.EncoderFactory;
import io.chatprep.job.tasks.RowEncoder;
import io.chatprep.tokenize.TokenizerLoadException;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A prepared run holds the plan and the one tokenizer it loads: locally the very encoder the run's tasks use, on a
 * cluster the driver's own copy; a tokenizer or plan that cannot load fails the run before any task.
 */
class PreparedRunTest {
    private static final EncoderFactory ENCODERS = EncoderFactory.conversationEncoder();

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        EncoderCache.closeAll();
    }

    private JobConfig config(Path tokenizer, String... extra) {
        String[] settings = new String[extra.length + 1];
        settings[0] = "chat_template=" + Path.of("templates/qwen3_training.jinja").toAbsolutePath();
        System.arraycopy(extra, 0, settings, 1, extra.length);
        return JobTestSupport.config(JobPlanDeriveMasksTest.ROWS, dir.resolve("out"), tokenizer, settings);
    }

    @Test
    void aLocalRunsEncoderIsBuiltOnceAndIsTheOneItsTasksFind() {
        try (PreparedRun prepared = PreparedRun.start(config(JobPlanDeriveMasksTest.TOKENIZER), new Configuration(),
                true, ENCODERS)) {
            prepared.requireLoadable();
            assertEquals(1, EncoderCache.size());
            RowEncoder cached = EncoderCache.cached(prepared.spec().key(), ENCODERS);
            assertNotNull(cached);
            // A task in this JVM gets a handle of the key alone and finds the same spec and encoder.
            var handle = prepared.spec().forTasks(true);
            assertSame(cached, EncoderCache.get(handle.key(), handle.spec(), ENCODERS));
            assertSame(cached.tokenizer(), prepared.tokenizer());
            assertEquals(prepared.plan().encodingExplanation(), prepared.tokenization());
            assertSame(prepared.plan(), prepared.plan());
        }
    }

    @Test
    void aWarmJvmsRunTakesItsCachedEncoderWithoutLoadingTheTokenizerAgain() {
        RowEncoder first;
        try (PreparedRun prepared = PreparedRun.start(config(JobPlanDeriveMasksTest.TOKENIZER), new Configuration(),
                true, ENCODERS)) {
            prepared.requireLoadable();
            first = EncoderCache.cached(prepared.spec().key(), ENCODERS);
        }
        long loads = io.chatprep.encode.TokenizerLoad.started();
        try (PreparedRun again = PreparedRun.start(config(JobPlanDeriveMasksTest.TOKENIZER), new Configuration(),
                true, ENCODERS)) {
            again.requireLoadable();
            assertSame(first, EncoderCache.cached(again.spec().key(), ENCODERS));
            assertSame(first.tokenizer(), again.tokenizer());
        }
        assertEquals(loads, io.chatprep.encode.TokenizerLoad.started());
        // Another spec in the same JVM still gets an encoder of its own.
        try (PreparedRun other = PreparedRun.start(config(JobPlanDeriveMasksTest.TOKENIZER, "java_bpe=false"),
                new Configuration(), true, ENCODERS)) {
            other.requireLoadable();
            assertEquals(2, EncoderCache.size());
            assertNotNull(other.tokenizer().specialTokens());
        }
    }

    @Test
    void beforeTheSessionALocalMasterMeansTasksInThisJvm() {
        try (PreparedRun local = PreparedRun.beforeSession(config(JobPlanDeriveMasksTest.TOKENIZER, "master=local[2]"),
                ENCODERS);
             PreparedRun cluster = PreparedRun.beforeSession(config(JobPlanDeriveMasksTest.TOKENIZER,
                     "master=spark://cluster:7077"), ENCODERS)) {
            assertTrue(local.tasksInThisJvm());
            assertTrue(!cluster.tasksInThisJvm());
            cluster.requireLoadable();
            assertEquals(cluster.plan().encodingExplanation(), cluster.tokenization());
            assertNotNull(cluster.tokenizer().specialTokens());
        }
    }

    @Test
    void onlyLocalMastersRunTasksInThisJvm() {
        assertTrue(PreparedRun.runsTasksInThisJvm("local"));
        assertTrue(PreparedRun.runsTasksInThisJvm("local[*]"));
        assertTrue(PreparedRun.runsTasksInThisJvm("local[2,3]"));
        // Executors of their own: a handle to this JVM's spec would reach them and find nothing.
        assertTrue(!PreparedRun.runsTasksInThisJvm("local-cluster[2,1,1536]"));
        assertTrue(!PreparedRun.runsTasksInThisJvm("spark://127.0.0.1:7077"));
        assertTrue(!PreparedRun.runsTasksInThisJvm("yarn"));
    }

    @Test
    void aTokenizerThatCannotLoadFailsBeforeAnyTaskInEitherMode() throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("tokenizer.json"), "{\"model\": {");
        for (boolean local : new boolean[]{true, false}) {
            try (PreparedRun prepared = PreparedRun.start(config(broken), new Configuration(), local, ENCODERS)) {
                TokenizerLoadException e = assertThrows(TokenizerLoadException.class, prepared::requireLoadable);
                assertTrue(e.getMessage().contains(broken.resolve("tokenizer.json").getFileName().toString()),
                        e.getMessage());
            }
        }
        assertEquals(0, EncoderCache.size());
    }

    @Test
    void aPlanThatFailsReportsItsOwnError() {
        try (PreparedRun prepared = PreparedRun.start(config(dir.resolve("no-tokenizer")), new Configuration(), true,
                ENCODERS)) {
            ConfigException e = assertThrows(ConfigException.class, prepared::plan);
            assertTrue(e.getMessage().contains("'tokenizer' directory not found"), e.getMessage());
            assertThrows(ConfigException.class, prepared::requireLoadable);
        }
    }
}
