package io.chatprep.cli;

import io.chatprep.catalog.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tokenizer's own marked template wins over the catalog, but only once it passes the text-level rules. */
class MarkedTokenizerTemplateTest {
    private static final Path LLAMA = Path.of("src/test/resources/tokenizers/llama3_1");

    private static Path tokenizerWith(Path dir, String template) throws Exception {
        for (String f : new String[] {"tokenizer.json.gz", "tokenizer_config.json"}) {
            Files.copy(LLAMA.resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("chat_template.jinja"), template);
        return dir;
    }

    private static int tokenize(Path tokenizer, Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"content\": \"Hello\"}]}\n");
        return new TokenizeCommand().run(Args.parse(new String[] {"--tokenizer", tokenizer.toString(), "--input", in.toString(),
                "--output", dir.resolve("out.jsonl").toString()}, new TokenizeCommand().flags()));
    }

    @Test
    void soundMarkedTemplateIsUsed(@TempDir Path dir) throws Exception {
        String marked = "{#- house template -#}\n" + TemplateCatalog.bundled().family("llama3").orElseThrow().trainingSource();
        assertEquals(0, tokenize(tokenizerWith(dir, marked), dir));
        String out = Files.readString(dir.resolve("out.jsonl"));
        assertTrue(out.contains("\"labels\": [-100, -100, -100, -100, -100, -100, -100, -100, -100, -100, -100, 9906, 128009]"), out);
    }

    @Test
    void markedTemplateTrainingTheRoleHeaderIsRefused(@TempDir Path dir) throws Exception {
        String broken = Files.readString(Path.of("src/test/resources/verify/llama3_header_marked.jinja"));
        UsageException e = assertThrows(UsageException.class, () -> tokenize(tokenizerWith(dir, broken), dir));
        assertTrue(e.getMessage().contains("fails check (b) spans"), e.getMessage());
        assertTrue(e.getMessage().contains("verify-template"), e.getMessage());
    }
}
