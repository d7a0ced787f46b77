package io.chatprep.job;

import io.chatprep.job.config.ConfigException;
import io.chatprep.job.config.JobConfig;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A template that cannot compile is a configuration error of the plan, named, not a failure of every task. */
class JobPlanTemplateTest {
    static final Path TOKENIZER = Path.of("src/test/resources/tokenizers/llama3_1").toAbsolutePath();
    static final Path ROWS = Path.of("src/test/resources/conversations/varied.jsonl");

    @TempDir
    Path dir;

    @Test
    void aTemplateWithASyntaxErrorIsRefusedByName() throws Exception {
        Path template = dir.resolve("broken.jinja");
        Files.writeString(template, "{% for m in messages %}{% generation %}{{ m.content }{% endgeneration %}{% endfor %}");
        JobConfig config = JobTestSupport.config(ROWS, dir.resolve("out"), TOKENIZER, "chat_template=" + template);
        ConfigException e = assertThrows(ConfigException.class, () -> JobPlan.prepare(config, new Configuration()));
        assertTrue(e.getMessage().startsWith("'chat_template' " + template + " does not compile: "), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void aBundledTrainingTemplatePlansCleanly() {
        JobConfig config = JobTestSupport.config(ROWS, dir.resolve("out"), TOKENIZER,
                "chat_template=" + Path.of("templates/llama3_1_training.jinja").toAbsolutePath());
        assertTrue(JobPlan.prepare(config, new Configuration()).templateExplanation().startsWith("explicit template"));
    }

    /** chat_template may name one of the tokenizer's own templates (Command R+'s list: default, tool_use, rag). */
    @Test
    void aNamedTokenizerTemplateIsResolvedLikeTheDefaultOne() {
        Path cohere = Path.of("src/test/resources/tokenizers/recognition/command_r_plus").toAbsolutePath();
        JobConfig byName = JobTestSupport.config(ROWS, dir.resolve("out"), cohere, "chat_template=default");
        assertTrue(JobPlan.prepare(byName, new Configuration()).templateExplanation()
                .startsWith("tokenizer template is a known revision of Command R"));
        JobConfig toolUse = JobTestSupport.config(ROWS, dir.resolve("out2"), cohere, "chat_template=tool_use");
        ConfigException e = assertThrows(ConfigException.class, () -> JobPlan.prepare(toolUse, new Configuration()));
        assertTrue(e.getMessage().startsWith("'chat_template' tool_use: the tokenizer's chat template matches no bundled "
                + "family"), e.getMessage());
        assertTrue(e.getMessage().contains("Closest family: cohere"), e.getMessage());
    }
}
