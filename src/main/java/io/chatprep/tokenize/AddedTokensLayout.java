package io.chatprep.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where tokenizer.json keeps its added tokens and its model's vocabulary, for {@link ConfigAddedTokens}: the
 * {@code added_tokens} array is replaced in place (every other byte of the file stays as it was), and the
 * vocabulary is only scanned for the few contents being added.
 */
final class AddedTokensLayout {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] json;
    private int addedFrom = -1;
    private int addedTo = -1;
    private JsonNode added;
    private int vocabAt = -1;

    private AddedTokensLayout(byte[] json) {
        this.json = json;
    }

    /** @return null when the file has no added_tokens array (the native loader then says what is wrong) */
    static AddedTokensLayout read(byte[] tokenizerJson) throws IOException {
        AddedTokensLayout layout = new AddedTokensLayout(tokenizerJson);
        JsonCursor c = new JsonCursor(tokenizerJson, 0);
        c.expect('{');
        if (!c.consume('}')) {
            do {
                String field = c.readText();
                c.expect(':');
                if (field.equals("added_tokens")) {
                    layout.addedFrom = c.skipValue();
                    layout.addedTo = c.position();
                    layout.added = JSON.readTree(tokenizerJson, layout.addedFrom, layout.addedTo - layout.addedFrom);
                } else if (field.equals("model") && c.peek() == '{') {
                    layout.readModel(c);
                } else {
                    c.skipValue();
                }
            } while (c.more('}'));
        }
        return layout.added != null && layout.added.isArray() ? layout : null;
    }

    private void readModel(JsonCursor c) throws IOException {
        c.expect('{');
        if (c.consume('}')) {
            return;
        }
        do {
            String field = c.readText();
            c.expect(':');
            int start = c.skipValue();
            if (field.equals("vocab")) {
                vocabAt = start;
            }
        } while (c.more('}'));
    }

    List<AddedToken> addedTokens() {
        List<AddedToken> out = new ArrayList<>();
        for (JsonNode n : added) {
            out.add(new AddedToken(n.path("id").asInt(), n.path("content").asText(), n.path("special").asBoolean(false),
                    n.path("normalized").asBoolean(true), n.path("lstrip").asBoolean(false),
                    n.path("rstrip").asBoolean(false), n.path("single_word").asBoolean(false)));
        }
        return out;
    }

    /** The model's vocabulary size as tokenizers-rs counts it: its entries (0 without a vocabulary). */
    int vocabSize() throws IOException {
        int[] count = {0};
        scanVocab((piece, id) -> count[0]++);
        return count[0];
    }

    /** The vocabulary ids of those of {@code contents} the model's vocabulary holds. */
    Map<String, Integer> vocabIds(Set<String> contents) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        scanVocab((piece, id) -> {
            if (contents.contains(piece)) {
                out.putIfAbsent(piece, id);
            }
        });
        return out;
    }

    private interface Entry {
        void accept(String piece, int id);
    }

    /** Object vocabularies (BPE, WordPiece, WordLevel) map piece to id; Unigram's lists [piece, score] by id. */
    private void scanVocab(Entry entry) throws IOException {
        if (vocabAt < 0) {
            return;
        }
        JsonCursor c = new JsonCursor(json, vocabAt);
        if (c.peek() == '{') {
            c.expect('{');
            if (!c.consume('}')) {
                do {
                    String piece = c.readText();
                    c.expect(':');
                    entry.accept(piece, c.readInt());
                } while (c.more('}'));
            }
        } else if (c.peek() == '[') {
            c.expect('[');
            int id = 0;
            if (!c.consume(']')) {
                do {
                    c.expect('[');
                    String piece = c.readText();
                    c.expect(',');
                    c.skipValue();
                    c.expect(']');
                    entry.accept(piece, id++);
                } while (c.more(']'));
            }
        }
    }

    /** The file with {@code tokens} (ascending ids) as its added_tokens, written as tokenizers-rs writes them. */
    byte[] withAddedTokens(Collection<AddedToken> tokens) throws IOException {
        ArrayNode array = JSON.createArrayNode();
        for (AddedToken t : tokens) {
            ObjectNode n = array.addObject();
            n.put("id", t.id());
            n.put("content", t.content());
            n.put("single_word", t.singleWord());
            n.put("lstrip", t.lstrip());
            n.put("rstrip", t.rstrip());
            n.put("normalized", t.normalized());
            n.put("special", t.special());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 256 * tokens.size());
        out.write(json, 0, addedFrom);
        out.write(JSON.writeValueAsString(array).getBytes(StandardCharsets.UTF_8));
        out.write(json, addedTo, json.length - addedTo);
        return out.toByteArray();
    }
}
