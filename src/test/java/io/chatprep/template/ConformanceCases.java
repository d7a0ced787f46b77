package io.chatprep.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.template.py.PyJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads the Jinja2 conformance cases (template, context, expected text or error) from test resources. */
final class ConformanceCases {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Case(String name, String template, Map<String, Object> context, LocalDateTime now, String expected,
            String expectedError) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ConformanceCases() {
    }

    @SuppressWarnings("unchecked")
    static List<Case> load(String resource) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = ConformanceCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                Map<String, Object> ctx = (Map<String, Object>) PyJson.parse(n.get("context"));
                LocalDateTime now = n.hasNonNull("now") ? LocalDateTime.parse(n.get("now").asText()) : null;
                cases.add(new Case(n.get("name").asText(), n.get("template").asText(), ctx, now,
                        n.hasNonNull("expected") ? n.get("expected").asText() : null,
                        n.hasNonNull("expected_error") ? n.get("expected_error").asText() : null));
            }
        }
        return cases;
    }
}
