package io.chatprep.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The parts of tokenizer.json that chatprep interprets itself ({@code SegmentRules}, {@code JavaBpeLoader}), read
 * in one pass: the added tokens and pipeline steps as small trees, the model's settings, and where its vocabulary
 * and merges start ({@code BpeTables} reads them when a model is built). Everything else, the tables included, is
 * passed over by {@link JsonCursor} without being parsed.
 */
public final class TokenizerJsonParts {
    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode addedTokens;
    /** Where the added_tokens value starts and ends in {@link #json}; -1 when the file has none. */
    int addedFrom = -1;
    int addedTo = -1;
    public JsonNode normalizer;
    public JsonNode preTokenizer;
    public JsonNode postProcessor;
    /** The model's fields other than vocab and merges; those two are present as keys (null values) when listed. */
    public final Map<String, JsonNode> model = new HashMap<>();
    /** The "model" entry is there but is not a JSON object. */
    public boolean modelNotObject;
    public final byte[] json;
    /** Where the model's vocab object starts in {@link #json}; -1 when it has none. */
    public int vocabAt = -1;
    /** Where the model's merges array starts; -1 when it has none. */
    public int mergesAt = -1;

    private TokenizerJsonParts(byte[] json) {
        this.json = json;
    }

    /**
     * @throws IllegalArgumentException when the file is not a JSON object
     * @throws IOException              when it is not JSON
     */
    public static TokenizerJsonParts read(byte[] tokenizerJson) throws IOException {
        TokenizerJsonParts parts = new TokenizerJsonParts(tokenizerJson);
        JsonCursor c = new JsonCursor(tokenizerJson, 0);
        if (c.peek() != '{') {
            throw new IllegalArgumentException("tokenizer.json is not a JSON object");
        }
        c.expect('{');
        if (!c.consume('}')) {
            do {
                String field = c.readText();
                c.expect(':');
                switch (field) {
                    case "added_tokens" -> {
                        parts.addedFrom = c.position();
                        parts.addedTokens = parts.tree(c);
                        parts.addedTo = c.position();
                    }
                    case "normalizer" -> parts.normalizer = parts.tree(c);
                    case "pre_tokenizer" -> parts.preTokenizer = parts.tree(c);
                    case "post_processor" -> parts.postProcessor = parts.tree(c);
                    case "model" -> parts.readModel(c);
                    default -> c.skipValue();
                }
            } while (c.more('}'));
        }
        c.expectEnd();
        return parts;
    }

    /** A model setting as text, null when absent or JSON null. */
    public String modelText(String name) {
        JsonNode value = model.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    public boolean modelFlag(String name) {
        JsonNode value = model.get(name);
        return value != null && value.asBoolean(false);
    }

    private void readModel(JsonCursor c) throws IOException {
        if (c.peek() != '{') {
            c.skipValue();
            modelNotObject = true;
            return;
        }
        c.expect('{');
        if (c.consume('}')) {
            return;
        }
        do {
            String field = c.readText();
            c.expect(':');
            int next = c.peek();
            if (field.equals("vocab") && next == '{') {
                vocabAt = c.skipValue();
                model.put(field, null);
            } else if (field.equals("merges") && next == '[') {
                mergesAt = c.skipValue();
                model.put(field, null);
            } else {
                model.put(field, tree(c));
            }
        } while (c.more('}'));
    }

    /** The next value as a tree; only small values are read this way. */
    private JsonNode tree(JsonCursor c) throws IOException {
        int start = c.skipValue();
        return JSON.readTree(json, start, c.position() - start);
    }
}
