package io.chatprep.job;

import io.chatprep.encode.ConversationEncoder;
import io.chatprep.encode.EncodedRow;
import io.chatprep.encode.RowJson;
import io.chatprep.encode.RowRejectedException;
import io.chatprep.job.config.ConfigException;
import io.chatprep.job.config.JobConfig;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code derive_masks}: the job accepts a template without generation markers only when told to derive the
 * assistant spans, and the derived masks of the Llama 3 original equal those of its training template, whose
 * renderings are golden-checked against transformers.
 */
class JobPlanDeriveMasksTest {
    static final Path TOKENIZER = Path.of("src/test/resources/tokenizers/llama3_1").toAbsolutePath();
    static final Path ORIGINAL = Path.of("templates/originals/llama3.jinja").toAbsolutePath();
    static final Path TRAINING = Path.of("templates/llama3_training.jinja").toAbsolutePath();
    static final Path ROWS = Path.of("src/test/resources/conversations/varied.jsonl");

    @TempDir
    Path dir;

    @Test
    void unmarkedTemplateIsRefusedUnlessMasksAreDerived() {
        JobConfig plain = JobTestSupport.config(ROWS, dir.resolve("a"), TOKENIZER, "chat_template=" + ORIGINAL);
        ConfigException e = assertThrows(ConfigException.class, () -> JobPlan.prepare(plain, new Configuration()));
        assertTrue(e.getMessage().contains("derive_masks"), e.getMessage());

        JobConfig derived = JobTestSupport.config(ROWS, dir.resolve("b"), TOKENIZER, "chat_template=" + ORIGINAL,
                "derive_masks=true");
        assertTrue(JobPlan.prepare(derived, new Configuration()).spec().options().deriveMasks());
    }

    @Test
    @SuppressWarnings("unchecked")
    void derivedMasksEqualTheTrainingTemplatesMasks() throws Exception {
        JobPlan derived = JobPlan.prepare(JobTestSupport.config(ROWS, dir.resolve("c"), TOKENIZER,
                "chat_template=" + ORIGINAL, "derive_masks=true", "now=2026-01-01T00:00:00"), new Configuration());
        JobPlan marked = JobPlan.prepare(JobTestSupport.config(ROWS, dir.resolve("d"), TOKENIZER,
                "chat_template=" + TRAINING, "now=2026-01-01T00:00:00"), new Configuration());
        assertFalse(marked.spec().options().deriveMasks());
        int compared = 0;
        try (ConversationEncoder a = ConversationEncoder.open(derived.spec());
             ConversationEncoder b = ConversationEncoder.open(marked.spec())) {
            List<String> lines = Files.readAllLines(ROWS);
            for (String line : lines) {
                Map<String, Object> row = (Map<String, Object>) RowJson.parse(line);
                EncodedRow expected;
                try {
                    expected = b.encode(row);
                } catch (RowRejectedException rejected) {
                    continue;
                }
                EncodedRow actual = a.encode(row);
                assertArrayEquals(expected.inputIds(), actual.inputIds(), line);
                assertArrayEquals(expected.labels(), actual.labels(), line);
                compared++;
            }
        }
        assertTrue(compared >= 10, "compared " + compared + " rows");
    }
}
