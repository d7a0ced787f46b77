package io.chatprep.catalog;

import io.chatprep.tokenize.TokenizerFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateResolverTest {
    private static final Path TOKENIZERS = Path.of("src/test/resources/tokenizers");
    private final TemplateCatalog catalog = TemplateCatalog.bundled();
    private final TemplateResolver resolver = new TemplateResolver(catalog);

    private static TokenizerFiles tokenizer(String name) {
        return TokenizerFiles.fromDirectory(TOKENIZERS.resolve(name));
    }

    /** The same tokenizer files with chat_template.jinja replaced (it wins over tokenizer_config.json). */
    private static TokenizerFiles withJinja(String name, String template) {
        TokenizerFiles f = tokenizer(name);
        return new TokenizerFiles(f.tokenizerJson(), f.tokenizerConfigJson(), f.specialTokensMapJson(), template, name);
    }

    @Test
    void catalogHoldsEveryShippedFamily() {
        assertEquals(45, catalog.families().size());
        TemplateFamily qwen3 = catalog.family("qwen3").orElseThrow();
        assertEquals(1, qwen3.revisionSources().size());
        assertTrue(GenerationMarkers.present(qwen3.trainingSource()));
        assertTrue(!GenerationMarkers.present(qwen3.originalSource()));
        assertTrue(catalog.family("glm4moe").orElseThrow().endOfTurnInNextMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "qwen3, qwen3, CATALOG_REVISION",
            "deepseek_v3, deepseekv3, CATALOG_REVISION",
            "gemma3, gemma3, CATALOG_EXACT",
            "llama3_1, llama3, CATALOG_EXACT"})
    void eachTestTokenizerResolvesToItsFamily(String tokenizerName, String family, TemplateResolution.Origin origin) {
        TemplateResolution r = resolver.resolve(null, null, tokenizer(tokenizerName));
        assertEquals(family, r.family().name());
        assertEquals(origin, r.origin());
        assertEquals(catalog.family(family).orElseThrow().trainingSource(), r.source());
        assertTrue(GenerationMarkers.present(r.source()));
    }

    @Test
    void qwen3TokenizerHoldsAnOlderRevisionNotTheOriginal() {
        String own = TemplateResolver.tokenizerTemplate(tokenizer("qwen3"));
        assertNotEquals(catalog.family("qwen3").orElseThrow().originalSource(), own);
    }

    @ParameterizedTest
    @CsvSource({"llama2", "gptoss"})
    void tokenizerWithoutTemplateIsAClearError(String tokenizerName) {
        TemplateResolutionException e = assertThrows(TemplateResolutionException.class,
                () -> resolver.resolve(null, null, tokenizer(tokenizerName)));
        assertTrue(e.getMessage().contains("the tokenizer has no chat template"), e.getMessage());
        assertTrue(e.getMessage().contains("--chat-template"), e.getMessage());
        assertTrue(e.getMessage().contains("llama3_1"), "lists the families: " + e.getMessage());
    }

    @Test
    void unknownUnmarkedTemplateNamesTheClosestFamily() {
        String altered = catalog.family("llama3").orElseThrow().originalSource().replace("| trim", "");
        TemplateResolutionException e = assertThrows(TemplateResolutionException.class,
                () -> resolver.resolve(null, null, withJinja("llama3_1", altered)));
        assertTrue(e.getMessage().contains("Closest family: llama3 "), e.getMessage());
        assertTrue(e.getMessage().contains("--derive-masks"), e.getMessage());
    }

    @Test
    void reindentedCopyOfAnOriginalStillResolves() {
        String reindented = catalog.family("gemma3").orElseThrow().originalSource().replace("\n", "\n  ");
        TemplateResolution r = resolver.resolve(null, null, withJinja("gemma3", reindented));
        assertEquals("gemma3", r.family().name());
        assertEquals(TemplateResolution.Origin.CATALOG_REVISION, r.origin());
    }

    @Test
    void explicitTemplateWins() throws IOException {
        String mine = Files.readString(Path.of("src/test/resources/templates/chatml_marked.jinja"));
        TemplateResolution r = resolver.resolve(mine, "chatml_marked.jinja", tokenizer("qwen3"));
        assertEquals(TemplateResolution.Origin.EXPLICIT, r.origin());
        assertEquals(mine, r.source());
        assertNull(r.family());
        assertTrue(r.needsVerification());
    }

    @Test
    void explicitCopyOfAShippedTemplateKnowsItsFamily() {
        String gemma = catalog.family("gemma3").orElseThrow().trainingSource();
        TemplateResolution r = resolver.resolve(gemma, "gemma3_training.jinja", tokenizer("qwen3"));
        assertEquals(TemplateResolution.Origin.EXPLICIT, r.origin());
        assertEquals("gemma3", r.family().name());
    }

    @Test
    void markedTokenizerTemplateWinsOverTheCatalog() throws IOException {
        // The Qwen3 training template with one changed comment: marked, but not byte-identical to anything shipped.
        String marked = "{#- my own marked template -#}\n" + catalog.family("qwen3").orElseThrow().trainingSource();
        TemplateResolution r = resolver.resolve(null, null, withJinja("qwen3", marked));
        assertEquals(TemplateResolution.Origin.TOKENIZER_MARKED, r.origin());
        assertEquals(marked, r.source());
        assertTrue(r.needsVerification());
    }

    @Test
    void namedTemplateListUsesTheDefaultEntry() {
        TokenizerFiles f = tokenizer("llama3_1");
        String original = catalog.family("llama3").orElseThrow().originalSource();
        String config = "{\"eos_token\": \"<|eot_id|>\", \"chat_template\": [{\"name\": \"tool_use\", \"template\": \"x\"},"
                + " {\"name\": \"default\", \"template\": " + com.fasterxml.jackson.databind.node.TextNode.valueOf(original) + "}]}";
        TokenizerFiles listed = new TokenizerFiles(f.tokenizerJson(), config.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null, null, "listed");
        assertEquals("llama3", resolver.resolve(null, null, listed).family().name());
    }
}
