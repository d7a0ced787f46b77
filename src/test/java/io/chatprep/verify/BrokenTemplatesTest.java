package io.chatprep.verify;

import io.chatprep.catalog.TemplateCatalog;
import io.chatprep.catalog.TemplateFamily;
import io.chatprep.corpus.Conversation;
import io.chatprep.corpus.ConversationCorpus;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.TokenizerConfig;
import io.chatprep.tokenize.TokenizerFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deliberately broken Llama 3 training templates fail the rule they break, with the offending conversation named. */
class BrokenTemplatesTest {
    private static TokenizerFiles files;
    private static HfTokenizer tokenizer;
    private static TemplateFamily llama3;

    @BeforeAll
    static void load() {
        files = TokenizerFiles.fromDirectory(Path.of("src/test/resources/tokenizers/llama3_1"));
        tokenizer = HfTokenizer.fromFiles(files);
        llama3 = TemplateCatalog.bundled().family("llama3").orElseThrow();
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    private static VerificationReport verify(String trainingSource) {
        return new TemplateVerifier(VerifySubject.of(llama3, trainingSource, llama3.originalSource()),
                TokenizerConfig.of(files).specialTokens(), tokenizer).verify(ConversationCorpus.bundled());
    }

    private static String resource(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/verify", name));
    }

    @Test
    void theShippedTemplatePasses() {
        VerificationReport report = verify(llama3.trainingSource());
        assertTrue(report.passed(), () -> report.allFailures().toString());
    }

    @Test
    void templateWithoutMarkersTrainsNothing() {
        VerificationReport report = verify(llama3.originalSource());
        assertFalse(report.passed(Check.EMPTY));
        assertTrue(report.failures(Check.EMPTY).stream().anyMatch(f -> f.where().startsWith("varied/single_turn")
                && f.detail().contains("no non-empty generation span")), () -> report.failures(Check.EMPTY).toString());
        assertTrue(report.passed(Check.TEXT), "its text is the original's");
    }

    @Test
    void textAppendedAfterTheLastMessageIsNoPartOfTheLastTurn() throws IOException {
        // Command R7B's tool_use template appends the chatbot header after the last message, asked or not
        // (metadata closing_text): trained, it would teach a header after every final turn.
        TemplateFamily family = TemplateCatalog.bundled().family("cohere2_tool_use").orElseThrow();
        String header = "<|START_OF_TURN_TOKEN|><|CHATBOT_TOKEN|>";
        String broken = family.trainingSource().replace("{%- endfor %}" + header,
                "{%- endfor %}{% generation %}" + header + "{% endgeneration %}");
        assertFalse(broken.equals(family.trainingSource()));
        Conversation single = ConversationCorpus.bundled().stream()
                .filter(c -> c.name().equals("varied/single_turn")).findFirst().orElseThrow();
        VerificationReport report = new TemplateVerifier(VerifySubject.of(family, broken, family.originalSource()),
                ShippedTemplatesVerifyTest.goldenSpecialTokens("cohere2_tool_use"), null).verify(List.of(single));
        assertTrue(report.failures(Check.SPANS).stream().anyMatch(f -> f.detail().contains("not inside one assistant turn")),
                () -> report.allFailures().toString());
    }

    @Test
    void roleHeaderInsideMarkersIsReported() throws IOException {
        VerificationReport report = verify(resource("llama3_header_marked.jinja"));
        assertFalse(report.passed(Check.SPANS));
        assertTrue(report.failures(Check.SPANS).stream().anyMatch(f -> f.detail().contains("<|start_header_id|>assistant")
                && f.detail().contains("not inside one assistant turn")), () -> report.failures(Check.SPANS).toString());
        assertTrue(report.passed(Check.TEXT), "the text is unchanged");
        assertTrue(report.passed(Check.EOT), "the end-of-turn token is still trained");
    }

    @Test
    void untrainedEndOfTurnIsReported() throws IOException {
        VerificationReport report = verify(resource("llama3_eot_untrained.jinja"));
        List<VerificationReport.Failure> eot = report.failures(Check.EOT);
        assertFalse(eot.isEmpty());
        assertTrue(eot.stream().anyMatch(f -> f.detail().contains("<|eot_id|>") && f.detail().contains("outside the trained spans")),
                eot::toString);
        assertTrue(eot.stream().anyMatch(f -> f.detail().contains("end-of-turn token") && f.detail().contains("is not trained")),
                "the token-level rule sees it too: " + eot);
        // A turn whose content renders empty (tool calls the template ignores, "") is left with nothing trained.
        assertTrue(report.failures(Check.SPANS).stream().allMatch(f -> f.detail().contains("no span starts where")
                || f.detail().contains("no trained token in the turn")), () -> report.failures(Check.SPANS).toString());
        assertTrue(report.passed(Check.TEXT), () -> report.failures(Check.TEXT).toString());
    }
}
