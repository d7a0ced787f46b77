package io.chatprep.verify;

import io.chatprep.catalog.TemplateCatalog;
import org.junit.jupiter.api.Tag;
import io.chatprep.catalog.TemplateFamily;
import io.chatprep.corpus.ConversationCorpus;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.TokenizerConfig;
import io.chatprep.tokenize.TokenizerFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every shipped training template passes every rule on the bundled corpus; with tokens where a tokenizer exists. */
@Tag("corpus")
class ShippedTemplatesVerifyTest {
    private static final Path TOKENIZERS = Path.of("src/test/resources/tokenizers");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The special-token variables the Python reference rendered this family with (first golden line). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> goldenSpecialTokens(String family) throws IOException {
        String first = Files.readAllLines(Path.of("src/test/resources/golden/templates/" + family + ".jsonl")).get(0);
        return JSON.convertValue(JSON.readTree(first).get("special_tokens"), Map.class);
    }

    static Stream<String> families() {
        return TemplateCatalog.bundled().families().stream().map(TemplateFamily::name);
    }

    @ParameterizedTest
    @MethodSource("families")
    void everyFamilyPassesOnText(String name) throws IOException {
        TemplateFamily family = TemplateCatalog.bundled().family(name).orElseThrow();
        Map<String, Object> specials = goldenSpecialTokens(name);
        VerificationReport report = new TemplateVerifier(VerifySubject.of(family), specials, null)
                .verify(ConversationCorpus.bundled());
        assertTrue(report.passed(), () -> name + ":\n" + report.allFailures().stream().limit(8)
                .map(Object::toString).collect(Collectors.joining("\n")));
    }

    static Stream<Arguments> tokenizerFamilies() {
        return Stream.of(Arguments.of("qwen3", "qwen3"), Arguments.of("llama3_1", "llama3_1"),
                Arguments.of("gemma3", "gemma3"), Arguments.of("gptoss", "gptoss"),
                Arguments.of("deepseek_v3", "deepseekv3"), Arguments.of("mistral_nemo", "mistral_nemo"),
                Arguments.of("llama3_1", "nemotron_super_v1_5"));
    }

    @ParameterizedTest
    @MethodSource("tokenizerFamilies")
    void tokenizerFamiliesPassWithTokens(String tokenizerName, String familyName) {
        TemplateFamily family = TemplateCatalog.bundled().family(familyName).orElseThrow();
        TokenizerFiles files = TokenizerFiles.fromDirectory(TOKENIZERS.resolve(tokenizerName));
        try (HfTokenizer tokenizer = HfTokenizer.fromFiles(files)) {
            VerificationReport report = new TemplateVerifier(VerifySubject.of(family),
                    TokenizerConfig.of(files).specialTokens(), tokenizer).verify(ConversationCorpus.bundled());
            assertTrue(report.passed(), () -> familyName + ":\n" + report.allFailures().stream().limit(8)
                    .map(Object::toString).collect(Collectors.joining("\n")));
            assertTrue(report.tokenChecked() > 50, "token-level rules ran: " + report.tokenChecked());
        }
    }
}
