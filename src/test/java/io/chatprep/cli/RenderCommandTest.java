package io.chatprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chatprep render}: the line contract, error isolation, --template, and Python-identical output. */
class RenderCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<JsonNode> expectedCases() throws IOException, URISyntaxException {
        List<JsonNode> out = new ArrayList<>();
        for (String group : List.of("generation_spans", "behaviour")) {
            Path p = Path.of(RenderCommandTest.class.getResource("/golden/render_cases/" + group + ".jsonl").toURI());
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void rendersEveryLineInOrderAndIsolatesErrors() throws Exception {
        List<JsonNode> cases = expectedCases();
        List<String> input = new ArrayList<>();
        for (JsonNode c : cases) {
            ObjectNode in = JSON.createObjectNode();
            in.set("template", c.get("template"));
            in.set("context", c.get("context"));
            in.set("now", c.get("now"));
            input.add(JSON.writeValueAsString(in));
        }
        input.add(3, "{not json");
        Path in = dir.resolve("cases.jsonl");
        Path out = dir.resolve("out.jsonl");
        Files.write(in, input, StandardCharsets.UTF_8);

        assertEquals(0, Main.run(new String[] {"render", "--input", in.toString(), "--output", out.toString()}));

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(input.size(), lines.size());
        assertTrue(JSON.readTree(lines.get(3)).get("error").asText().contains("line 4: invalid JSON"));
        lines.remove(3);
        for (int i = 0; i < cases.size(); i++) {
            JsonNode expected = cases.get(i);
            JsonNode got = JSON.readTree(lines.get(i));
            String name = expected.get("name").asText();
            if (expected.has("error")) {
                assertTrue(got.has("error"), name + " should fail: " + got);
            } else {
                assertEquals(expected.get("text").asText(), got.get("text").asText(), name);
                assertEquals(expected.get("generation_spans"), got.get("generation_spans"), name);
            }
        }
    }

    @Test
    void templateOptionAppliesToLinesWithoutTemplate() throws Exception {
        Path template = dir.resolve("t.jinja");
        Files.writeString(template, "{{ messages[0].content }}|{{ strftime_now('%d %b %Y') }}\n");
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"context\": {\"messages\": [{\"content\": \"\\ud83d\\ude00 \\u00e9\"}]},"
                + " \"now\": \"2025-07-10T12:00:00\"}\n{\"template\": \"{{ x }\", \"context\": {}}\n");
        Path out = dir.resolve("out.jsonl");
        assertEquals(0, Main.run(new String[] {"render", "--input", in.toString(), "--output", out.toString(),
            "--template", template.toString()}));
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("\uD83D\uDE00 \u00e9|10 Jul 2025", JSON.readTree(lines.get(0)).get("text").asText());
        assertTrue(lines.get(0).chars().allMatch(ch -> ch < 128), "output is ASCII-escaped JSON: " + lines.get(0));
        assertTrue(JSON.readTree(lines.get(1)).get("error").asText().contains("template line 1"));
    }

    @Test
    void aLineThatIsNotUtf8GetsAnErrorLineAndTheOthersRender() throws Exception {
        Path in = dir.resolve("latin1.jsonl");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("{\"template\": \"{{ x }}\", \"context\": {\"x\": \"caf\u00e9\"}}\r\n".getBytes(StandardCharsets.UTF_8));
        // The same line saved as Latin-1: 0xE9 alone is no UTF-8.
        bytes.writeBytes("{\"template\": \"{{ x }}\", \"context\": {\"x\": \"caf\u00e9\"}}\n".getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes("{\"template\": \"{{ x }}!\", \"context\": {\"x\": 1}}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(in, bytes.toByteArray());
        Path out = dir.resolve("latin1-out.jsonl");
        assertEquals(0, Main.run(new String[] {"render", "--input", in.toString(), "--output", out.toString()}));
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(3, lines.size());
        assertEquals("caf\u00e9", JSON.readTree(lines.get(0)).get("text").asText());
        // Byte 45 of the second line, which starts at byte 52 of the file (the first line is 50 bytes, then CR LF).
        assertEquals("line 2: not UTF-8: byte 0xE9 at byte 45 of the line (byte 97 of the file) does not start a valid "
                + "UTF-8 sequence (the input must be UTF-8; convert Latin-1 or other encodings first)",
                JSON.readTree(lines.get(1)).get("error").asText());
        assertEquals("1!", JSON.readTree(lines.get(2)).get("text").asText());
    }

    @Test
    void aCasePastARenderLimitGetsAnErrorLineAndTheOthersGoOn() throws Exception {
        // a thousand strings of 7 M characters: before the memory limit this took the JVM down
        String hostile = "{% set ns = namespace(l=[]) %}{% for i in range(1000) %}{% set ns.l = ns.l + ['x' * 7000000] %}"
                + "{% endfor %}{{ ns.l | length }}";
        String slow = "{{ ((range(100000) | reverse | list) * 79) | sort | length }}";
        Path in = dir.resolve("in.jsonl");
        List<String> lines = new ArrayList<>();
        for (String template : List.of("{{ 1 + 1 }}", hostile, slow, "{{ 'after' }}")) {
            ObjectNode line = JSON.createObjectNode();
            line.put("template", template);
            line.set("context", JSON.createObjectNode());
            lines.add(JSON.writeValueAsString(line));
        }
        Files.write(in, lines, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.jsonl");
        assertEquals(0, Main.run(new String[] {"render", "--input", in.toString(), "--output", out.toString(),
            "--render-timeout-seconds", "1"}));
        List<String> results = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(4, results.size());
        assertEquals("2", JSON.readTree(results.get(0)).get("text").asText());
        assertTrue(JSON.readTree(results.get(1)).get("error").asText()
                .startsWith("render limit: render memory limit of 256 MB exceeded"), results.get(1));
        assertTrue(JSON.readTree(results.get(2)).get("error").asText()
                .startsWith("render limit: render time budget of 1000 ms exceeded"), results.get(2));
        assertEquals("after", JSON.readTree(results.get(3)).get("text").asText());
    }

    @Test
    void badRenderLimitFlagsAreUsageErrors() {
        for (String[] flag : List.of(new String[] {"--render-timeout-seconds", "0"},
                new String[] {"--render-memory-mb", "lots"}, new String[] {"--render-output-chars", "-5"})) {
            assertEquals(2, Main.run(new String[] {"render", "--input", dir.resolve("none.jsonl").toString(),
                "--output", dir.resolve("o.jsonl").toString(), flag[0], flag[1]}));
        }
    }

    @Test
    void missingInputIsAUsageError() {
        assertEquals(2, Main.run(new String[] {"render", "--input", dir.resolve("none.jsonl").toString(),
            "--output", dir.resolve("o.jsonl").toString()}));
    }
}
