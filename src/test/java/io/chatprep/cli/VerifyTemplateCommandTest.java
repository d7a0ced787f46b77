package io.chatprep.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("corpus")
class VerifyTemplateCommandTest {
    private static final String TOKENIZERS = "src/test/resources/tokenizers/";

    private record Outcome(int exit, String out) {
    }

    private static Outcome run(Command command, String... argv) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            java.util.Set<String> flags = command instanceof FlagOptions f ? f.flags() : java.util.Set.of();
            int exit = command.run(Args.parse(argv, flags));
            return new Outcome(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private static Outcome verify(String... argv) throws Exception {
        return run(new VerifyTemplateCommand(), argv);
    }

    private static boolean row(String out, String check, String result) {
        return out.lines().anyMatch(l -> l.startsWith(check) && l.substring(check.length()).strip().startsWith(result));
    }

    @Test
    void unmarkedTemplatesSayWhetherDeriveMasksWouldServeThem() throws Exception {
        // Llama 3's original is prefix-stable on every conversation; Qwen3's drops earlier think blocks.
        Outcome llama = verify("--tokenizer", TOKENIZERS + "llama3_1", "--chat-template", "templates/originals/llama3.jinja");
        assertTrue(llama.out().contains("derive-masks:  would serve it: the template is prefix-stable on "), llama.out());
        Outcome qwen = verify("--tokenizer", TOKENIZERS + "qwen3", "--chat-template", "templates/originals/qwen3.jinja");
        assertTrue(qwen.out().contains("derive-masks:  would serve it in part: "), qwen.out());
        Outcome marked = verify("--tokenizer", TOKENIZERS + "qwen3", "--chat-template", "templates/qwen3_training.jinja");
        assertTrue(!marked.out().contains("derive-masks:"), marked.out());
    }

    @ParameterizedTest
    @CsvSource({
            "qwen3, auto, qwen3",
            "llama3_1, auto, llama3",
            "gemma3, auto, gemma3",
            "deepseek_v3, auto, deepseekv3",
            "mistral_nemo, auto, mistral_nemo",
            "gptoss, templates/gptoss_training.jinja, gptoss"})
    void shippedTemplatesPassWithTheirTokenizers(String tokenizer, String template, String family) throws Exception {
        Outcome o = verify("--tokenizer", TOKENIZERS + tokenizer, "--chat-template", template);
        assertEquals(0, o.exit(), o.out());
        assertTrue(o.out().contains("family rules:  " + family + " "), o.out());
        assertTrue(o.out().contains("with originals/" + family + ".jinja"), o.out());
        for (String check : List.of("(a) text", "(b) spans", "(c) eot", "(d) prefix", "(e) empty")) {
            assertTrue(row(o.out(), check, "pass"), check + "\n" + o.out());
        }
        assertTrue(o.out().contains("PASS: every check holds"));
    }

    @ParameterizedTest
    @CsvSource({
            "templates/originals/llama3.jinja, (e) empty, no non-empty generation span",
            "src/test/resources/verify/llama3_header_marked.jinja, (b) spans, is not inside one assistant turn",
            "src/test/resources/verify/llama3_eot_untrained.jinja, (c) eot, is outside the trained spans"})
    void brokenTemplatesFailWithTheReason(String template, String check, String reason) throws Exception {
        Outcome o = verify("--tokenizer", TOKENIZERS + "llama3_1", "--chat-template", template);
        assertEquals(1, o.exit(), o.out());
        assertTrue(row(o.out(), check, "FAIL"), o.out());
        assertTrue(o.out().contains(reason), o.out());
        assertTrue(row(o.out(), "(a) text", "pass"), o.out());
        assertTrue(o.out().contains("varied/single_turn agp=false"), "names the offending conversation: " + o.out());
        assertTrue(o.out().contains("FAIL: the template is not safe for training as is"));
    }

    @Test
    void namedTokenizerTemplateIsChosenByName() throws Exception {
        Outcome o = run(new TemplatesCommand(), "--tokenizer", TOKENIZERS + "recognition/command_r_plus");
        assertEquals(0, o.exit(), o.out());
        assertTrue(o.out().contains("command_r_plus (default): tokenizer template is a known revision of Command R"), o.out());
        assertTrue(o.out().contains("command_r_plus (tool_use): the tokenizer's chat template matches no bundled family"),
                o.out());
        Outcome toolUse = verify("--tokenizer", TOKENIZERS + "recognition/command_r_plus", "--chat-template", "tool_use");
        assertEquals(1, toolUse.exit(), toolUse.out());
        assertTrue(toolUse.out().contains("FAIL: no template to verify") && toolUse.out().contains("Closest family: cohere"),
                toolUse.out());
    }

    @Test
    void tokenizerWithoutTemplateFailsClearly() throws Exception {
        Outcome o = verify("--tokenizer", TOKENIZERS + "llama2");
        assertEquals(1, o.exit());
        assertTrue(o.out().contains("the tokenizer has no chat template"), o.out());
    }

    @Test
    void aTemplateThatDoesNotCompileIsNamed(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.jinja");
        Files.writeString(broken, "{% for m in messages %}{% generation %}{{ m.content }{% endgeneration %}{% endfor %}");
        Outcome o = verify("--tokenizer", TOKENIZERS + "qwen3", "--chat-template", broken.toString());
        assertEquals(1, o.exit());
        assertTrue(o.out().startsWith("FAIL: --chat-template " + broken + " does not compile: "), o.out());
        // tokenize and inspect take the template the same way and refuse it the same way.
        UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> EncoderSetup.chooseTemplate(broken.toString(),
                        io.chatprep.tokenize.TokenizerFiles.fromDirectory(Path.of(TOKENIZERS + "qwen3")), false));
        assertTrue(e.getMessage().startsWith("--chat-template " + broken + " does not compile: "), e.getMessage());
    }

    @Test
    void userConversationsAreChecked(@TempDir Path dir) throws Exception {
        Path convs = dir.resolve("mine.jsonl");
        Files.writeString(convs, "{\"name\": \"mine/one\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"},"
                + " {\"role\": \"assistant\", \"content\": \"Hello\"}]}\n");
        Outcome o = verify("--tokenizer", TOKENIZERS + "llama3_1", "--chat-template",
                "src/test/resources/verify/llama3_eot_untrained.jinja", "--conversations", convs.toString(), "--show", "1000");
        assertEquals(1, o.exit());
        assertTrue(o.out().contains("1 yours"), o.out());
        assertTrue(o.out().contains("mine/one agp=false: message 1: <|eot_id|>"), o.out());
    }

    @Test
    void deriveMasksVerifiesAnUnmarkedTemplate() throws Exception {
        Outcome ok = verify("--tokenizer", TOKENIZERS + "llama3_1", "--derive-masks");
        assertEquals(0, ok.exit(), ok.out());
        Outcome refused = verify("--tokenizer", TOKENIZERS + "qwen3", "--chat-template", "templates/originals/qwen3.jinja",
                "--derive-masks", "--show", "1000");
        assertEquals(1, refused.exit());
        assertTrue(row(refused.out(), "(d) prefix", "FAIL"), refused.out());
        assertTrue(refused.out().contains("varied/system_multi_turn agp=false: refused: cannot derive"), refused.out());
    }

    @Test
    void templatesListsFamiliesAndTheTokenizerTemplatesSelectingThem() throws Exception {
        Outcome o = run(new TemplatesCommand(), "--tokenizer", TOKENIZERS + "qwen3");
        assertEquals(0, o.exit(), o.out());
        List<String> families = new ArrayList<>();
        o.out().lines().skip(1).takeWhile(l -> !l.isBlank()).forEach(l -> families.add(l.split("\\s+")[0]));
        assertEquals(56, families.size(), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("qwen3 ") && l.contains("qwen3__qwen3.jinja")
                && l.contains("Qwen/Qwen3-*")), o.out());
        assertTrue(o.out().contains("known revision of Qwen3"), o.out());
        Outcome none = run(new TemplatesCommand(), "--tokenizer", TOKENIZERS + "llama2");
        assertEquals(1, none.exit());
    }
}
