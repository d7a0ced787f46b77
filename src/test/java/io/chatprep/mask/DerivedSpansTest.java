package io.chatprep.mask;

import io.chatprep.catalog.TemplateCatalog;
import io.chatprep.catalog.TemplateFamily;
import io.chatprep.corpus.Conversation;
import io.chatprep.corpus.ConversationCorpus;
import io.chatprep.corpus.ConversationRenderer;
import io.chatprep.encode.ConversationEncoder;
import io.chatprep.encode.EncodedRow;
import io.chatprep.encode.EncoderOptions;
import io.chatprep.encode.EncoderSpec;
import io.chatprep.encode.RowRejectedException;
import io.chatprep.mask.MaskPolicy;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.TokenizerConfig;
import io.chatprep.tokenize.TokenizerFiles;
import io.chatprep.verify.Check;
import io.chatprep.verify.TemplateVerifier;
import io.chatprep.verify.VerificationReport;
import io.chatprep.verify.VerifySubject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Masks derived by prefix rendering from an unmarked original agree with the masks of its training template
 * wherever the original is prefix-stable, and derivation refuses where it is not.
 */
class DerivedSpansTest {
    private static final Path TOKENIZERS = Path.of("src/test/resources/tokenizers");
    private static final EncoderOptions OPTIONS = new EncoderOptions(MaskPolicy.ASSISTANT, ConversationRenderer.FIXED_NOW, Map.of());

    private static Map<String, Object> row(Conversation c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("messages", c.messages());
        if (c.tools() != null) {
            row.put("tools", c.tools());
        }
        if (!c.kwargs().isEmpty()) {
            row.put("chat_template_kwargs", c.kwargs());
        }
        return row;
    }

    @Test
    void llama3OriginalDerivesTheTrainingTemplatesMasks() {
        TemplateFamily llama3 = TemplateCatalog.bundled().family("llama3").orElseThrow();
        TokenizerFiles files = TokenizerFiles.fromDirectory(TOKENIZERS.resolve("llama3_1"));
        int agreed = 0;
        List<String> disagreements = new ArrayList<>();
        try (ConversationEncoder trained = ConversationEncoder.open(new EncoderSpec(llama3.trainingSource(), files, OPTIONS));
             ConversationEncoder derived = ConversationEncoder.open(new EncoderSpec(llama3.originalSource(), files,
                     OPTIONS.withDeriveMasks(true)))) {
            for (Conversation c : ConversationCorpus.bundled()) {
                EncodedRow expected;
                try {
                    expected = trained.encode(row(c));
                } catch (RowRejectedException e) {
                    continue;
                }
                try {
                    EncodedRow got = derived.encode(row(c));
                    assertArrayEquals(expected.inputIds(), got.inputIds(), c.name());
                    if (java.util.Arrays.equals(expected.assistantMask(), got.assistantMask())) {
                        agreed++;
                    } else {
                        disagreements.add(c.name());
                    }
                } catch (RowRejectedException e) {
                    disagreements.add(c.name() + ": " + e.reason());
                }
            }
        }
        assertEquals(List.of(), disagreements);
        assertTrue(agreed >= 40, "conversations compared: " + agreed);
    }

    @Test
    void qwen3OriginalIsRefusedWhereEarlierTurnsChange() throws Exception {
        TemplateFamily qwen3 = TemplateCatalog.bundled().family("qwen3").orElseThrow();
        TokenizerFiles files = TokenizerFiles.fromDirectory(TOKENIZERS.resolve("qwen3"));
        Conversation multi = ConversationCorpus.bundled().stream()
                .filter(c -> c.name().equals("varied/system_multi_turn")).findFirst().orElseThrow();
        Conversation single = ConversationCorpus.bundled().stream()
                .filter(c -> c.name().equals("varied/single_turn")).findFirst().orElseThrow();
        try (ConversationEncoder derived = ConversationEncoder.open(new EncoderSpec(qwen3.originalSource(), files,
                OPTIONS.withDeriveMasks(true)));
             ConversationEncoder trained = ConversationEncoder.open(new EncoderSpec(qwen3.trainingSource(), files, OPTIONS))) {
            RowRejectedException e = assertThrows(RowRejectedException.class, () -> derived.encode(row(multi)));
            assertEquals("mask", e.stage());
            assertTrue(e.reason().contains("not a prefix of the whole conversation"), e.reason());
            assertTrue(e.reason().contains("message 2"), e.reason());
            // A single turn is prefix-stable: the derived mask equals the training template's.
            assertArrayEquals(trained.encode(row(single)).assistantMask(), derived.encode(row(single)).assistantMask());
        }
    }

    @Test
    void verifierAcceptsDerivedSpansOfAStableTemplateAndRefusesAnUnstableOne() {
        TemplateFamily llama3 = TemplateCatalog.bundled().family("llama3").orElseThrow();
        TokenizerFiles files = TokenizerFiles.fromDirectory(TOKENIZERS.resolve("llama3_1"));
        try (HfTokenizer tokenizer = HfTokenizer.fromFiles(files)) {
            VerifySubject subject = VerifySubject.of(llama3, llama3.originalSource(), llama3.originalSource()).derivingSpans();
            VerificationReport report = new TemplateVerifier(subject, TokenizerConfig.of(files).specialTokens(), tokenizer)
                    .verify(ConversationCorpus.bundled());
            assertTrue(report.passed(), () -> report.allFailures().toString());
        }
        TemplateFamily qwen3 = TemplateCatalog.bundled().family("qwen3").orElseThrow();
        VerifySubject unstable = VerifySubject.of(qwen3, qwen3.originalSource(), qwen3.originalSource()).derivingSpans();
        VerificationReport report = new TemplateVerifier(unstable, Map.of("eos_token", "<|im_end|>"), null)
                .verify(ConversationCorpus.bundled());
        assertFalse(report.passed(Check.PREFIX));
        assertTrue(report.failures(Check.PREFIX).stream().anyMatch(f -> f.where().startsWith("varied/system_multi_turn")
                && f.detail().startsWith("refused: cannot derive")), () -> report.failures(Check.PREFIX).toString());
    }
}
