package io.chatprep.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.encode.RowRejectedException;
import io.chatprep.template.ChatTemplate;
import io.chatprep.template.RenderLimits;
import io.chatprep.template.RenderRequest;
import io.chatprep.template.RenderedChat;
import io.chatprep.template.TemplateException;
import io.chatprep.template.py.PyException;
import io.chatprep.template.py.PyJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code chatprep render --input CASES.jsonl --output OUT.jsonl [--template FILE]}: renders each case line
 * {@code {"template", "context", "now"}} to {@code {"text", "generation_spans"}} or {@code {"error"}}, in input
 * order. One bad line never stops the others; compiled templates are cached by source.
 */
public final class RenderCommand implements Command {
    private static final int TEMPLATE_CACHE_SIZE = 256;
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(PyJson.READ_LIMITS).build());
    // Escaping everything beyond ASCII keeps lone surrogates intact, so Python's json reads the very same strings.
    private static final ObjectMapper OUT = new ObjectMapper().configure(
            com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature(), true);

    @Override
    public String name() {
        return "render";
    }

    @Override
    public String summary() {
        return "Render chat templates for JSONL cases (text + generation spans)";
    }

    @Override
    public String usage() {
        return "usage: chatprep render --input CASES.jsonl --output OUT.jsonl [--template FILE]\n"
                + "       [--render-timeout-seconds S] [--render-memory-mb N] [--render-output-chars N]\n"
                + "  a case past a render limit (default 10 s, 256 MB held, 8,000,000 characters of output) gets an\n"
                + "  error line \"render limit: ...\" and the others go on";
    }

    @Override
    public int run(Args args) throws IOException {
        args.rejectUnknown(Set.of("input", "output", "template", "render-timeout-seconds", "render-memory-mb",
                "render-output-chars"));
        RenderLimits limits = limits(args);
        Path input = Path.of(args.require("input"));
        Path output = Path.of(args.require("output"));
        String fixedTemplate = null;
        if (args.get("template") != null) {
            fixedTemplate = read(Path.of(args.get("template")), "--template");
        }
        Map<String, Object> cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > TEMPLATE_CACHE_SIZE;
            }
        };
        int lines = 0;
        int failed = 0;
        if (!Files.exists(input)) {
            throw new UsageException("--input file not found: " + input);
        }
        try (InputLines in = new InputLines(input);
                BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (InputLines.Line line; (line = in.next()) != null; ) {
                lines++;
                String result = line.unreadable() != null ? error("line " + lines + ": " + line.unreadable())
                        : renderLine(line.text(), lines, fixedTemplate, limits, cache);
                if (result.startsWith("{\"error\"")) {
                    failed++;
                }
                out.write(result);
                out.write('\n');
            }
        }
        System.err.println("chatprep render: " + lines + " cases, " + failed + " errors -> " + output);
        return 0;
    }

    /** The render limits the flags set, over the engine's defaults. */
    static RenderLimits limits(Args args) {
        RenderLimits limits = RenderLimits.DEFAULT;
        String timeout = args.get("render-timeout-seconds");
        if (timeout != null) {
            double seconds = number("--render-timeout-seconds", timeout);
            if (!(seconds > 0) || seconds > 86_400) {
                throw new UsageException("--render-timeout-seconds must be more than 0 and at most 86400, got " + timeout);
            }
            limits = limits.withTimeBudget(java.time.Duration.ofMillis(Math.max(1, Math.round(seconds * 1000))));
        }
        String memory = args.get("render-memory-mb");
        if (memory != null) {
            limits = limits.withMaxMemoryBytes(whole("--render-memory-mb", memory, 1L << 20) << 20);
        }
        String output = args.get("render-output-chars");
        if (output != null) {
            long chars = whole("--render-output-chars", output, Integer.MAX_VALUE - 16);
            limits = limits.withMaxOutputChars(chars).withMaxStringChars(chars);
        }
        return limits;
    }

    private static double number(String flag, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a number, got " + text);
        }
    }

    private static long whole(String flag, String text, long max) {
        try {
            long v = Long.parseLong(text);
            if (v > 0 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(flag + " must be a whole number from 1 to " + max + ", got " + text);
    }

    private static String read(Path p, String option) throws IOException {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(option + " file not found: " + p);
        }
    }

    @SuppressWarnings("unchecked")
    private static String renderLine(String line, int lineNo, String fixedTemplate, RenderLimits limits,
            Map<String, Object> cache) throws IOException {
        try {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return error("line " + lineNo + ": invalid JSON " + io.chatprep.template.py.PyJson.problem(e));
            }
            if (node == null || !node.isObject()) {
                return error("line " + lineNo + ": expected a JSON object");
            }
            String source = node.hasNonNull("template") ? node.get("template").asText() : fixedTemplate;
            if (source == null) {
                return error("line " + lineNo + ": no \"template\" field and no --template given");
            }
            Object context = node.has("context") ? PyJson.parse(node.get("context")) : Map.of();
            if (!(context instanceof Map)) {
                return error("line " + lineNo + ": \"context\" must be a JSON object");
            }
            LocalDateTime now = null;
            if (node.hasNonNull("now")) {
                try {
                    now = LocalDateTime.parse(node.get("now").asText());
                } catch (DateTimeParseException e) {
                    return error("line " + lineNo + ": \"now\" is not an ISO local date-time: " + node.get("now").asText());
                }
            }
            Object compiled = cache.get(source);
            if (compiled == null) {
                try {
                    compiled = ChatTemplate.compile(source, limits);
                } catch (TemplateException e) {
                    compiled = e;
                }
                cache.put(source, compiled);
            }
            if (compiled instanceof TemplateException e) {
                return error(e.getMessage());
            }
            RenderedChat chat = ((ChatTemplate) compiled).render(
                    RenderRequest.ofContext((Map<String, Object>) context, now));
            return success(chat);
        } catch (TemplateException e) {
            return error(e.kind() == TemplateException.Kind.LIMIT
                    ? RowRejectedException.RENDER_LIMIT + e.getMessage().replaceFirst("^LimitError: ", "")
                    : e.getMessage());
        } catch (PyException e) {
            return error(e.getMessage());
        }
    }

    private static String success(RenderedChat chat) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = OUT.getFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("text", chat.text());
            g.writeArrayFieldStart("generation_spans");
            for (int[] s : chat.generationSpans()) {
                g.writeArray(s, 0, 2);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w.toString();
    }

    private static String error(String message) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = OUT.getFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("error", message == null ? "unknown error" : message);
            g.writeEndObject();
        }
        return w.toString();
    }
}
