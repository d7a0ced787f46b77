package io.chatprep.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.catalog.TemplateCatalog;
import io.chatprep.catalog.TemplateFamily;
import io.chatprep.corpus.Conversation;
import io.chatprep.corpus.ConversationCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --derive-masks measured on every family the catalog holds: masks derived from the vendor original by prefix
 * rendering against the training template's, on the verification corpus. The counts are the Python reference's
 * (scripts/reference/measure_derive_masks.py, golden/derive_masks.json), so the Java derivation finds the same
 * prefix-stable conversations and the same spans as transformers' renderer (that script also requires a family
 * whose derived masks differ anywhere to say why in its metadata, derive_masks_note).
 */
class DeriveMasksCoverageTest {
    private static final JsonNode MEASURED = measured();

    private static JsonNode measured() {
        try {
            return new ObjectMapper().readTree(Path.of("src/test/resources/golden/derive_masks.json").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<String> families() {
        return TemplateCatalog.bundled().families().stream().map(TemplateFamily::name);
    }

    @ParameterizedTest
    @MethodSource("families")
    void derivedMasksAreTheTrainingTemplatesWhereverTheOriginalIsPrefixStable(String name) throws IOException {
        TemplateFamily family = TemplateCatalog.bundled().family(name).orElseThrow();
        JsonNode expected = MEASURED.get(name);
        assertNotNull(expected, name + " has no measurement: run scripts/reference/measure_derive_masks.py");
        Map<String, Object> specials = ShippedTemplatesVerifyTest.goldenSpecialTokens(name);
        DeriveMasksCoverage c = DeriveMasksCoverage.of(family.originalSource(), family.trainingSource(), specials,
                ConversationCorpus.bundled(), family.textContentAsParts());
        assertEquals(expected.get("cases").asInt(), c.cases(), name + " cases");
        assertEquals(expected.get("stable").asInt(), c.stable(), name + " prefix-stable cases");
        assertEquals(expected.get("equal").asInt(), c.equal(), name + " equal masks");
        assertEquals(expected.get("differ").asInt(), c.differ(), name + " " + c.firstDifference());
    }

    @Test
    void summarySaysWhetherDeriveMasksServes() {
        assertTrue(new DeriveMasksCoverage(10, 10, 0, 0, null).summary().startsWith("would serve it: "));
        assertTrue(new DeriveMasksCoverage(10, 4, 0, 0, null).summary().startsWith("would serve it in part: "));
        assertTrue(new DeriveMasksCoverage(10, 0, 0, 0, null).summary().startsWith("would not serve it"));
        assertFalse(new DeriveMasksCoverage(0, 0, 0, 0, null).servesAll());
    }

    @Test
    void unmarkedTemplateAloneCountsStability() {
        TemplateFamily llama = TemplateCatalog.bundled().family("llama3").orElseThrow();
        DeriveMasksCoverage c = DeriveMasksCoverage.of(llama.originalSource(),
                Map.of("bos_token", "<|begin_of_text|>", "eos_token", "<|eot_id|>"), ConversationCorpus.bundled(), false);
        assertTrue(c.servesAll(), c.toString());
        assertEquals(0, c.differ());
        List<Conversation> none = List.of();
        assertEquals(0, DeriveMasksCoverage.of(llama.originalSource(), Map.of(), none, false).cases());
    }
}
