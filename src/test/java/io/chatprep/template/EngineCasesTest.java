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
 * Focused cases rendered by transformers' environment (scripts/reference/make_engine_cases.py, make_filter_cases.py
 * for the filters group, make_rule_cases.py for the Jinja2 rule groups): generation span bookkeeping (nesting,
 * scoping, code points, buffered bodies), the Python behaviours templates use, and Jinja2's language rules.
 * Cases that record the phase of an error ({@code error_phase}) must fail in that phase with Jinja2's message;
 * for UndefinedError only the type is compared, since the engine's hint names the expression where Jinja2 names
 * the object the attribute or item was missing on.
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
        for (String group : List.of("generation_spans", "behaviour", "filters", "scoping", "deferred_names",
                "sandbox")) {
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
        if (n.has("error_phase")) {
            assertFailsLikeJinja(n, request);
            return;
        }
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

    /** Same phase, same Python exception type and message (the engine adds the template line). */
    private static void assertFailsLikeJinja(JsonNode n, RenderRequest request) {
        String expected = n.get("error").asText();
        String template = n.get("template").asText();
        TemplateException e;
        if (n.get("error_phase").asText().equals("compile")) {
            e = assertThrows(TemplateException.class, () -> ChatTemplate.compile(template), expected);
            // compile errors carry no Python type: the message is the text after it
            expected = expected.substring(expected.indexOf(": ") + 2);
        } else {
            ChatTemplate compiled = ChatTemplate.compile(template);
            e = assertThrows(TemplateException.class, () -> compiled.render(request), expected);
        }
        String actual = e.getMessage().replaceFirst(" \\(template line \\d+\\)$", "");
        if (expected.startsWith("UndefinedError: ")) {
            assertEquals("UndefinedError", actual.substring(0, Math.max(0, actual.indexOf(':'))), e.getMessage());
        } else {
            assertEquals(expected, actual);
        }
    }
}
