package io.chatprep.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The added tokens transformers registers on load from tokenizer_config.json on top of tokenizer.json's own: every
 * {@code added_tokens_decoder} entry that tokenizer.json does not hold with the same flags, then the named special
 * tokens ({@code bos_token} ... and {@code extra_special_tokens}) that are no added token yet. Some tokenizers are
 * published with tokens only the config declares; without them a chat template's role tokens split into pieces.
 *
 * <p>The ids follow tokenizers-rs's {@code add_tokens}, not the ids written in the config: a content already an
 * added token keeps its id (its flags are replaced), one in the model's vocabulary takes that id, any other takes
 * the next id after the vocabulary and the added tokens, in the order the entries are added (config ids ascending,
 * then the named tokens).
 */
final class ConfigAddedTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** transformers' SPECIAL_TOKENS_ATTRIBUTES, in the order its special-token map is walked. */
    private static final List<String> NAMED = List.of(
            "bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token");

    private ConfigAddedTokens() {
    }

    /** The config's entries ({@code added_tokens_decoder} by ascending id) and named special tokens, in order. */
    private record Wanted(List<AddedToken> declared, List<AddedToken> named) {
    }

    /**
     * tokenizer.json with those tokens in its {@code added_tokens}, or {@code tokenizerJson} itself when the config
     * adds nothing.
     */
    static byte[] apply(byte[] tokenizerJson, byte[] configJson, byte[] specialMapJson, String origin) {
        if (configJson == null) {
            return tokenizerJson;
        }
        JsonNode config;
        try {
            config = JSON.readTree(configJson);
        } catch (IOException e) {
            // TokenizerConfig reports a config that is not JSON, with its line.
            return tokenizerJson;
        }
        try {
            if (config == null || !config.isObject()) {
                return tokenizerJson;
            }
            Wanted wanted = wanted(config, specialMapJson == null ? null : JSON.readTree(specialMapJson), origin);
            if (wanted.declared().isEmpty() && wanted.named().isEmpty()) {
                return tokenizerJson;
            }
            return merge(tokenizerJson, wanted);
        } catch (IOException e) {
            throw new TokenizerLoadException(origin + ": cannot merge the added tokens of "
                    + TokenizerFiles.TOKENIZER_CONFIG_JSON + " into " + TokenizerFiles.TOKENIZER_JSON + " (" + e.getMessage() + ")", e);
        }
    }

    /** The config's tokens in the order transformers hands them to {@code add_tokens}, before the comparison. */
    private static Wanted wanted(JsonNode config, JsonNode specialMap, String origin) {
        Map<Integer, AddedToken> declared = new TreeMap<>();
        JsonNode decoder = config.path("added_tokens_decoder");
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) decoder::fields) {
            int id;
            try {
                id = Integer.parseInt(e.getKey());
            } catch (NumberFormatException bad) {
                throw new TokenizerLoadException(origin + "/" + TokenizerFiles.TOKENIZER_CONFIG_JSON
                        + ": added_tokens_decoder key '" + e.getKey() + "' is not a token id");
            }
            declared.put(id, token(e.getValue(), false, origin, "added_tokens_decoder." + id));
        }
        // Named tokens as from_pretrained collects them: special_tokens_map.json counts only for legacy configs.
        Map<String, JsonNode> values = new LinkedHashMap<>();
        config.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
        if (specialMap != null && specialMap.isObject() && !config.has("added_tokens_decoder")) {
            specialMap.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
        }
        List<AddedToken> named = new ArrayList<>();
        for (String name : NAMED) {
            addNamed(values.get(name), named, origin, name);
        }
        JsonNode extra = values.containsKey("extra_special_tokens") ? values.get("extra_special_tokens")
                : values.get("additional_special_tokens");
        if (extra != null && extra.isArray()) {
            for (JsonNode v : extra) {
                addNamed(v, named, origin, "extra_special_tokens");
            }
        } else if (extra != null && extra.isObject()) {
            extra.fields().forEachRemaining(e -> addNamed(e.getValue(), named, origin, e.getKey()));
        }
        return new Wanted(new ArrayList<>(declared.values()), named);
    }

    /**
     * A named token as a candidate. transformers swaps one whose content a decoder entry declares for that entry,
     * but such a content is always an added token already (or being added), so the named one is never added then.
     */
    private static void addNamed(JsonNode value, List<AddedToken> named, String origin, String name) {
        if (value == null || value.isNull()) {
            return;
        }
        AddedToken t = token(value, true, origin, name);
        if (!t.special()) {
            // A named token is special whatever its entry says.
            t = new AddedToken(t.id(), t.content(), true, t.normalized(), t.lstrip(), t.rstrip(), t.singleWord());
        }
        named.add(t);
    }

    /** A token as Python's {@code AddedToken(**entry)} builds it: normalized defaults to not special. */
    private static AddedToken token(JsonNode v, boolean stringIsSpecial, String origin, String where) {
        if (v.isTextual()) {
            return new AddedToken(-1, v.asText(), stringIsSpecial, !stringIsSpecial, false, false, false);
        }
        if (!v.isObject() || !v.path("content").isTextual()) {
            throw new TokenizerLoadException(origin + "/" + TokenizerFiles.TOKENIZER_CONFIG_JSON + ": " + where
                    + " is neither a token string nor an object with a 'content' string");
        }
        boolean special = v.path("special").asBoolean(false);
        return new AddedToken(-1, v.get("content").asText(), special, v.path("normalized").asBoolean(!special),
                v.path("lstrip").asBoolean(false), v.path("rstrip").asBoolean(false), v.path("single_word").asBoolean(false));
    }

    private static byte[] merge(byte[] tokenizerJson, Wanted wanted) throws IOException {
        AddedTokensLayout layout;
        try {
            layout = AddedTokensLayout.read(tokenizerJson);
        } catch (IOException | RuntimeException notJson) {
            // Not a tokenizer.json at all: the native loader reports it, naming the file.
            return tokenizerJson;
        }
        if (layout == null) {
            return tokenizerJson;
        }
        List<AddedToken> existing = layout.addedTokens();

        // transformers: a decoder entry is added unless tokenizer.json holds it with every flag the same; a named
        // token only when its content is neither an added token nor among the entries being added.
        Set<AddedToken> present = new HashSet<>();
        existing.forEach(t -> present.add(unplaced(t)));
        List<AddedToken> adding = new ArrayList<>();
        for (AddedToken t : wanted.declared()) {
            if (!present.contains(unplaced(t))) {
                adding.add(t);
            }
        }
        Set<String> encoder = new HashSet<>();
        existing.forEach(t -> encoder.add(t.content()));
        adding.forEach(t -> encoder.add(t.content()));
        for (AddedToken t : wanted.named()) {
            if (!encoder.contains(t.content()) && !adding.contains(unplaced(t))) {
                adding.add(t);
            }
        }
        if (adding.isEmpty()) {
            return tokenizerJson;
        }

        // tokenizers-rs add_tokens: an exact duplicate is skipped; a known content keeps its id, else the
        // vocabulary's id, else the next free one.
        Set<String> contents = new HashSet<>();
        adding.forEach(t -> contents.add(t.content()));
        Map<String, Integer> vocabIds = layout.vocabIds(contents);
        TreeMap<Integer, AddedToken> result = new TreeMap<>();
        Map<String, Integer> idOf = new HashMap<>();
        for (AddedToken t : existing) {
            result.put(t.id(), t);
            idOf.put(t.content(), t.id());
        }
        int vocabSize = layout.vocabSize();
        int next = result.isEmpty() ? vocabSize
                : (result.lastKey() >= vocabSize || vocabSize == 0 ? result.lastKey() + 1 : vocabSize);
        for (AddedToken t : adding) {
            if (t.content().isEmpty() || !present.add(unplaced(t))) {
                continue;
            }
            Integer id = idOf.get(t.content());
            if (id == null) {
                id = vocabIds.get(t.content());
            }
            if (id == null) {
                id = next++;
            }
            result.put(id, new AddedToken(id, t.content(), t.special(), t.normalized(), t.lstrip(), t.rstrip(), t.singleWord()));
            idOf.put(t.content(), id);
        }
        return layout.withAddedTokens(result.values());
    }

    /** The token without its id: what two entries must share to be the same added token. */
    private static AddedToken unplaced(AddedToken t) {
        return t.id() == -1 ? t : new AddedToken(-1, t.content(), t.special(), t.normalized(), t.lstrip(), t.rstrip(), t.singleWord());
    }
}
