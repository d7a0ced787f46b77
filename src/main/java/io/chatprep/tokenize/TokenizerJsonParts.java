package io.chatprep.tokenize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of tokenizer.json that chatprep interprets itself ({@link SegmentRules}, {@link JavaBpeLoader}), read
 * in one streaming pass: the added tokens and pipeline steps as small trees, the model's settings, and, only when
 * asked for, its vocabulary and merges (never built as a JSON tree; skipped unread otherwise).
 */
final class TokenizerJsonParts {
    private static final ObjectMapper JSON = new ObjectMapper();

    JsonNode addedTokens;
    JsonNode normalizer;
    JsonNode preTokenizer;
    JsonNode postProcessor;
    /** The model's fields other than vocab and merges; those two are present as keys (null values) when listed. */
    final Map<String, JsonNode> model = new HashMap<>();
    /** The "model" entry is there but is not a JSON object. */
    boolean modelNotObject;
    /** Null unless read with the vocabulary. */
    Map<String, Integer> vocab;
    /** Null unless read with the vocabulary. */
    List<String[]> merges;

    private TokenizerJsonParts() {
    }

    /**
     * @throws IllegalArgumentException when the file is not a JSON object or a merge is not a pair
     * @throws IOException              when it is not JSON
     */
    static TokenizerJsonParts read(byte[] tokenizerJson, boolean withVocabulary) throws IOException {
        TokenizerJsonParts parts = new TokenizerJsonParts();
        try (JsonParser p = new JsonFactory(JSON).createParser(tokenizerJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("tokenizer.json is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "added_tokens" -> parts.addedTokens = p.readValueAsTree();
                    case "normalizer" -> parts.normalizer = p.readValueAsTree();
                    case "pre_tokenizer" -> parts.preTokenizer = p.readValueAsTree();
                    case "post_processor" -> parts.postProcessor = p.readValueAsTree();
                    case "model" -> parts.readModel(p, withVocabulary);
                    default -> p.skipChildren();
                }
            }
        }
        return parts;
    }

    /** A model setting as text, null when absent or JSON null. */
    String modelText(String name) {
        JsonNode value = model.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    boolean modelFlag(String name) {
        JsonNode value = model.get(name);
        return value != null && value.asBoolean(false);
    }

    private void readModel(JsonParser p, boolean withVocabulary) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            modelNotObject = true;
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            boolean table = field.equals("vocab") || field.equals("merges");
            if (table && !withVocabulary) {
                p.skipChildren();
                model.put(field, null);
            } else if (field.equals("vocab") && value == JsonToken.START_OBJECT) {
                vocab = new HashMap<>(1 << 18);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String token = p.currentName();
                    p.nextToken();
                    vocab.put(token, p.getIntValue());
                }
                model.put(field, null);
            } else if (field.equals("merges") && value == JsonToken.START_ARRAY) {
                merges = new ArrayList<>(1 << 18);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    merges.add(readMerge(p));
                }
                model.put(field, null);
            } else {
                model.put(field, p.readValueAsTree());
            }
        }
    }

    private static String[] readMerge(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            String[] parts = p.getText().split(" ", -1);
            if (parts.length == 2) {
                return parts;
            }
        } else if (p.currentToken() == JsonToken.START_ARRAY) {
            List<String> parts = new ArrayList<>(2);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    p.skipChildren();
                    parts.add(null);
                } else {
                    parts.add(p.getText());
                }
            }
            if (parts.size() == 2 && !parts.contains(null)) {
                return parts.toArray(new String[0]);
            }
        }
        throw new IllegalArgumentException("a merge is neither \"a b\" nor [a, b]");
    }
}
