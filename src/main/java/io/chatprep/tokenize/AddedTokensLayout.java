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

    private final TokenizerJsonParts parts;

    private AddedTokensLayout(TokenizerJsonParts parts) {
        this.parts = parts;
    }

    /** @return null when the file has no added_tokens array (the native loader then says what is wrong) */
    static AddedTokensLayout read(byte[] tokenizerJson) throws IOException {
        TokenizerJsonParts parts = TokenizerJsonParts.read(tokenizerJson);
        return parts.addedTokens != null && parts.addedTokens.isArray() ? new AddedTokensLayout(parts) : null;
    }

    List<AddedToken> addedTokens() {
        List<AddedToken> out = new ArrayList<>();
        for (JsonNode n : parts.addedTokens) {
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
        if (parts.vocabAt < 0) {
            return;
        }
        JsonCursor c = new JsonCursor(parts.json, parts.vocabAt);
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
        byte[] json = parts.json;
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 256 * tokens.size());
        out.write(json, 0, parts.addedFrom);
        out.write(JSON.writeValueAsString(array).getBytes(StandardCharsets.UTF_8));
        out.write(json, parts.addedTo, json.length - parts.addedTo);
        return out.toByteArray();
    }
}
