package io.chatprep.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.catalog.TemplateCatalog;
import io.chatprep.catalog.TemplateFamily;
import io.chatprep.corpus.Conversation;
import io.chatprep.corpus.ConversationCorpus;
import io.chatprep.template.ChatTemplate;
import io.chatprep.template.RenderRequest;
import io.chatprep.template.RenderedChat;
import io.chatprep.template.TemplateException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every family's training template renders each golden conversation exactly as transformers did (text and
 * generation spans), or raises where it raised. Goldens: scripts/reference/make_template_goldens.py.
 */
class TemplateGoldenReplayTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/templates");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> families() {
        return TemplateCatalog.bundled().families().stream().map(TemplateFamily::name);
    }

    @ParameterizedTest
    @MethodSource("families")
    void trainingTemplateReplaysGoldens(String name) throws IOException {
        Map<String, Conversation> conversations = new HashMap<>();
        for (Conversation c : ConversationCorpus.fromFile(GOLDEN.resolve("conversations.jsonl"))) {
            conversations.put(c.name(), c);
        }
        TemplateFamily family = TemplateCatalog.bundled().family(name).orElseThrow();
        ChatTemplate template = ChatTemplate.compile(family.trainingSource());
        List<String> lines = Files.readAllLines(GOLDEN.resolve(name + ".jsonl"));
        assertTrue(lines.size() >= 40, "goldens for " + name + ": " + lines.size());
        List<String> mismatches = new ArrayList<>();
        for (String line : lines) {
            JsonNode g = JSON.readTree(line);
            Conversation conv = conversations.get(g.get("name").asText());
            if (conv == null) {
                fail("golden names an unknown conversation " + g.get("name"));
            }
            if (family.textContentAsParts()) {
                conv = conv.withTextParts();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> specials = JSON.convertValue(g.get("special_tokens"), Map.class);
            Map<String, Object> kwargs = new LinkedHashMap<>(conv.kwargs());
            g.get("kwargs").fields().forEachRemaining(e -> kwargs.put(e.getKey(), pyValue(e.getValue())));
            boolean agp = g.get("add_generation_prompt").asBoolean();
            String where = name + " " + g.get("name").asText() + " agp=" + agp + " " + g.get("kwargs");
            RenderRequest request = RenderRequest.builder().messages(conv.messages()).tools(conv.tools())
                    .specialTokens(specials).extras(kwargs).addGenerationPrompt(agp)
                    .now(LocalDateTime.parse(g.get("now").asText())).build();
            RenderedChat out;
            try {
                out = template.render(request);
            } catch (TemplateException e) {
                if (!g.has("error")) {
                    mismatches.add(where + ": raised " + e.getMessage());
                }
                continue;
            }
            if (g.has("error")) {
                mismatches.add(where + ": rendered, Python raised " + g.get("error").asText());
                continue;
            }
            if (!g.get("text").asText().equals(out.text())) {
                mismatches.add(where + ": text differs");
                continue;
            }
            int[][] expected = JSON.convertValue(g.get("generation_spans"), int[][].class);
            if (!java.util.Arrays.deepEquals(expected, out.generationSpans())) {
                mismatches.add(where + ": spans " + java.util.Arrays.deepToString(out.generationSpans()) + " expected "
                        + java.util.Arrays.deepToString(expected));
            }
        }
        assertEquals(List.of(), mismatches.stream().limit(10).toList(), name);
    }

    /** Values in the Python value model, as json.loads gives them (lists, ints, None). */
    private static Object pyValue(JsonNode v) {
        try {
            return io.chatprep.encode.RowJson.parse(v.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
