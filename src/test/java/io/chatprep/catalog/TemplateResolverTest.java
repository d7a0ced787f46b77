package io.chatprep.catalog;

import io.chatprep.tokenize.TokenizerFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertEquals(56, catalog.families().size());
        TemplateFamily qwen3 = catalog.family("qwen3").orElseThrow();
        assertEquals(1, qwen3.revisionSources().size());
        assertTrue(GenerationMarkers.present(qwen3.trainingSource()));
        assertTrue(!GenerationMarkers.present(qwen3.originalSource()));
        assertTrue(catalog.family("glm4moe").orElseThrow().endOfTurnInNextMessage());
        assertEquals(java.util.List.of("<|im_start|>", "<|im_end|>"), catalog.family("chatml").orElseThrow().shape());
    }

    @ParameterizedTest
    @CsvSource({
            "qwen3, qwen3, CATALOG_REVISION",
            "deepseek_v3, deepseekv3, CATALOG_REVISION",
            "gemma3, gemma3, CATALOG_EXACT",
            "llama3_1, llama3, CATALOG_EXACT",
            "mistral_nemo, mistral_nemo, CATALOG_EXACT",
            "recognition/command_r_plus, cohere, CATALOG_REVISION",
            "recognition/llama3_first_release, llama3, CATALOG_REVISION",
            "recognition/chatml_reformatted, chatml, CATALOG_EQUIVALENT"})
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

    @Test
    void tokenizerWithoutTemplateIsAClearError() {
        TemplateResolutionException e = assertThrows(TemplateResolutionException.class,
                () -> resolver.resolve(null, null, tokenizer("llama2")));
        assertTrue(e.getMessage().contains("the tokenizer has no chat template"), e.getMessage());
        assertTrue(e.getMessage().contains("--chat-template"), e.getMessage());
        assertTrue(e.getMessage().contains("llama3_1"), "no family's tokens, so it lists them all: " + e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"gptoss, gptoss", "recognition/no_template_chatml, chatml"})
    void tokenizerWithoutTemplateIsToldTheFamilyItsTokensPointTo(String tokenizerName, String family) {
        TemplateResolutionException e = assertThrows(TemplateResolutionException.class,
                () -> resolver.resolve(null, null, tokenizer(tokenizerName)));
        assertTrue(e.getMessage().contains("the tokenizer has no chat template"), e.getMessage());
        assertTrue(e.getMessage().contains("bundled family " + family + " ("), e.getMessage());
        assertTrue(e.getMessage().contains("--chat-template templates/" + family + "_training.jinja"), e.getMessage());
    }

    /** ChatML in shape, but printing a default system prompt or a BOS the ChatML original does not: not that family. */
    @ParameterizedTest
    @CsvSource({"recognition/chatml_default_system", "recognition/chatml_bos"})
    void chatmlShapedTemplateRenderingDifferentlyIsRefused(String tokenizerName) {
        TemplateResolutionException e = assertThrows(TemplateResolutionException.class,
                () -> resolver.resolve(null, null, tokenizer(tokenizerName)));
        assertTrue(e.getMessage().contains("matches no bundled family"), e.getMessage());
        assertTrue(e.getMessage().contains("Closest family: "), e.getMessage());
    }

    @Test
    void chatmlEquivalenceNeedsTheTokenizersOwnSpecialTokens() {
        // With a tokenizer that has no BOS the BOS-prefixed form prints nothing extra and renders as ChatML does.
        String bosFirst = TemplateResolver.tokenizerTemplate(tokenizer("recognition/chatml_bos"));
        TokenizerFiles noBos = new TokenizerFiles(tokenizer("qwen3").tokenizerJson(),
                "{\"eos_token\": \"<|im_end|>\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), null, bosFirst, "no-bos");
        TemplateResolution r = resolver.resolve(null, null, noBos);
        assertEquals("chatml", r.family().name());
        assertEquals(TemplateResolution.Origin.CATALOG_EQUIVALENT, r.origin());
    }

    @Test
    void namedTemplatesOfCohereTokenizerResolveEachOnTheirOwn() {
        TokenizerFiles cohere = tokenizer("recognition/command_r_plus");
        assertTrue(TemplateResolver.namesTokenizerTemplate(cohere, "tool_use"));
        assertTrue(TemplateResolver.namesTokenizerTemplate(cohere, "rag"));
        assertTrue(!TemplateResolver.namesTokenizerTemplate(cohere, "auto"));
        assertTrue(!TemplateResolver.namesTokenizerTemplate(cohere, "templates/tool_use.jinja"));
        TemplateResolver forCohere = TemplateResolver.forTokenizer(catalog, cohere);
        assertEquals("cohere", forCohere.resolve(null, null,
                TemplateResolver.namedTemplate(cohere, "default")).family().name());
        // The tool-use and RAG templates append an instruction turn after the history: no family renders them.
        for (String name : new String[]{"tool_use", "rag"}) {
            TemplateResolutionException e = assertThrows(TemplateResolutionException.class,
                    () -> forCohere.resolve(null, null, TemplateResolver.namedTemplate(cohere, name)));
            assertTrue(e.getMessage().contains("Closest family: cohere "), e.getMessage());
        }
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
    void aTokenizerTemplateThatDoesNotCompileSaysSo() {
        // One missing endfor: the text is still closest to Llama 3, but no family can stand in for a broken template.
        String broken = catalog.family("llama3").orElseThrow().originalSource().replaceFirst("\\{%-? endfor -?%\\}", "");
        TemplateResolutionException e = assertThrows(TemplateResolutionException.class,
                () -> resolver.resolve(null, null, withJinja("llama3_1", broken)));
        assertTrue(e.getMessage().startsWith("the tokenizer's chat template does not compile ("), e.getMessage());
        assertFalse(e.getMessage().contains("Closest family"), e.getMessage());
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
