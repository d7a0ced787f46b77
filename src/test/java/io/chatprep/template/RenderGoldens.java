package io.chatprep.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.template.py.PyJson;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The differential goldens written by scripts/reference/make_render_goldens.py (transformers' renderer). */
final class RenderGoldens {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Case(String templateId, ChatTemplate template, RenderRequest request, String expectedText,
            int[][] expectedSpans, String expectedError, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private RenderGoldens() {
    }

    static Path resourceDir(String name) throws IOException {
        URL url = RenderGoldens.class.getResource(name);
        if (url == null) {
            throw new IOException("missing test resource directory " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    static Map<String, JsonNode> conversations() throws IOException {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        Path p = resourceDir("/conversations").resolve("varied.jsonl");
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode n = JSON.readTree(line);
                byName.put(n.get("name").asText(), n);
            }
        }
        return byName;
    }

    @SuppressWarnings("unchecked")
    static List<Case> load() throws IOException {
        Map<String, JsonNode> conversations = conversations();
        List<Case> cases = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(resourceDir("/golden/render"))) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            JsonNode header = JSON.readTree(lines.get(0));
            String id = header.get("template_id").asText();
            ChatTemplate template = ChatTemplate.compile(header.get("source").asText());
            Map<String, Object> specials = (Map<String, Object>) PyJson.parse(header.get("special_tokens"));
            LocalDateTime now = LocalDateTime.parse(header.get("now").asText());
            for (String line : lines.subList(1, lines.size())) {
                JsonNode c = JSON.readTree(line);
                JsonNode row = conversations.get(c.get("conversation").asText());
                if (row == null) {
                    throw new IOException(file + ": unknown conversation " + c.get("conversation"));
                }
                boolean agp = c.get("add_generation_prompt").asBoolean();
                Map<String, Object> kwargs = (Map<String, Object>) PyJson.parse(c.get("kwargs"));
                RenderRequest request = RenderRequest.builder()
                        .messages((List<?>) PyJson.parse(row.get("messages")))
                        .tools(row.hasNonNull("tools") ? (List<?>) PyJson.parse(row.get("tools")) : null)
                        .addGenerationPrompt(agp)
                        .specialTokens(specials)
                        .extras(kwargs)
                        .now(now)
                        .build();
                int[][] spans = null;
                if (c.has("generation_spans")) {
                    JsonNode s = c.get("generation_spans");
                    spans = new int[s.size()][];
                    for (int i = 0; i < s.size(); i++) {
                        spans[i] = new int[] {s.get(i).get(0).asInt(), s.get(i).get(1).asInt()};
                    }
                }
                String label = id + " / " + row.get("name").asText() + " / agp=" + agp
                        + (kwargs.isEmpty() ? "" : " / " + kwargs);
                cases.add(new Case(id, template, request, c.hasNonNull("text") ? c.get("text").asText() : null, spans,
                        c.hasNonNull("error") ? c.get("error").asText() : null, label));
            }
        }
        return cases;
    }
}
