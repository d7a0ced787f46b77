package io.chatprep.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.template.py.PyJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Focused cases rendered by transformers' environment (scripts/reference/make_engine_cases.py, and
 * make_filter_cases.py for the filters group): generation
 * span bookkeeping (nesting, scoping, code points, buffered bodies) and the Python behaviours templates use.
 */
class EngineCasesTest {
    record Case(String group, JsonNode line) {
        @Override
        public String toString() {
            return group + " / " + line.get("name").asText();
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String group : List.of("generation_spans", "behaviour", "filters")) {
            Path p = RenderGoldens.resourceDir("/golden/render_cases").resolve(group + ".jsonl");
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(new Case(group, json.readTree(line)));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void rendersLikeTransformers(Case c) {
        JsonNode n = c.line();
        RenderRequest request = RenderRequest.ofContext((Map<String, Object>) PyJson.parse(n.get("context")),
                LocalDateTime.parse(n.get("now").asText()));
        if (n.has("error")) {
            assertThrows(TemplateException.class,
                    () -> ChatTemplate.compile(n.get("template").asText()).render(request), n.get("error").asText());
            return;
        }
        RenderedChat out = ChatTemplate.compile(n.get("template").asText()).render(request);
        assertEquals(n.get("text").asText(), out.text());
        JsonNode spans = n.get("generation_spans");
        int[][] expected = new int[spans.size()][];
        for (int i = 0; i < spans.size(); i++) {
            expected[i] = new int[] {spans.get(i).get(0).asInt(), spans.get(i).get(1).asInt()};
        }
        assertArrayEquals(expected, out.generationSpans());
    }
}
