package io.chatprep.corpus;

import io.chatprep.encode.RowJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Conversations in JSONL ({@code {"name"?, "messages", "tools"?, "chat_template_kwargs"?}} per line). The bundled
 * corpus mixes hand-written edge cases (tool calls, reasoning, content parts, unicode) with real dataset rows.
 */
public final class ConversationCorpus {
    private static final String BUNDLED = "verify/conversations.jsonl";

    private ConversationCorpus() {
    }

    public static List<Conversation> bundled() {
        InputStream in = ConversationCorpus.class.getClassLoader().getResourceAsStream(BUNDLED);
        if (in == null) {
            throw new IllegalStateException("the bundled verification corpus " + BUNDLED + " is missing from the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(reader, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED + ": " + e.getMessage(), e);
        }
    }

    public static List<Conversation> fromFile(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    @SuppressWarnings("unchecked")
    static List<Conversation> read(Reader reader, String origin) throws IOException {
        List<Conversation> out = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        int lineNo = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> row;
            try {
                row = RowJson.parseRow(line);
            } catch (IOException e) {
                throw new IOException(origin + " line " + lineNo + ": " + e.getMessage(), e);
            }
            if (!(row.get("messages") instanceof List<?> messages)) {
                throw new IOException(origin + " line " + lineNo + ": the field 'messages' is missing or not a list");
            }
            String name = row.get("name") instanceof String s ? s : origin + "#" + lineNo;
            List<?> tools = row.get("tools") instanceof List<?> t ? t : null;
            Map<String, Object> kwargs = row.get("chat_template_kwargs") instanceof Map<?, ?> k
                    ? (Map<String, Object>) k : Map.of();
            out.add(new Conversation(name, (List<Object>) messages, tools, kwargs));
        }
        return out;
    }
}
