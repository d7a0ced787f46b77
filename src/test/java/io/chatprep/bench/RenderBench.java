package io.chatprep.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.template.ChatTemplate;
import io.chatprep.template.RenderRequest;
import io.chatprep.template.py.PyJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * Single-thread render throughput, for {@code scripts/bench/render}: {@code RenderBench TEMPLATE CONTEXT.json
 * SECONDS} prints {@code renders_per_second=<n> chars=<len>}. The context file holds the template variables as
 * transformers passes them.
 */
public final class RenderBench {
    private RenderBench() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: RenderBench TEMPLATE_FILE CONTEXT_JSON SECONDS");
            System.exit(2);
        }
        String source = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        Map<String, Object> context = (Map<String, Object>) PyJson.parse(
                new ObjectMapper().readTree(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8)));
        double seconds = Double.parseDouble(args[2]);
        ChatTemplate template = ChatTemplate.compile(source);
        RenderRequest request = RenderRequest.ofContext(context, LocalDateTime.of(2025, 7, 10, 12, 0));
        int length = 0;
        long warmupEnd = System.nanoTime() + (long) (Math.min(seconds, 3) * 1e9);
        while (System.nanoTime() < warmupEnd) {
            length = template.render(request).text().length();
        }
        long n = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            for (int i = 0; i < 100; i++) {
                length += template.render(request).text().length() & 0;
            }
            n += 100;
            now = System.nanoTime();
        } while (now < end);
        System.out.printf("renders_per_second=%.0f chars=%d%n", n / ((now - start) / 1e9), length);
    }
}
