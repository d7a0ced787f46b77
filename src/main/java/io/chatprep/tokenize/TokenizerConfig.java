package io.chatprep.tokenize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a chat template sees of {@code tokenizer_config.json} (and the legacy {@code special_tokens_map.json}):
 * the named special tokens and the tokenizer's own chat templates, resolved as transformers 5 does.
 */
public final class TokenizerConfig {
    /** The default template's name when a tokenizer holds several ({@code chat_template} as a list). */
    public static final String DEFAULT_TEMPLATE = "default";

    /** transformers' {@code SPECIAL_TOKENS_ATTRIBUTES}, in its order (model-specific names follow). */
    private static final List<String> NAMED_TOKENS =
            List.of("bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token");

    /**
     * Defaults of the tokenizer classes' constructors, which apply to a name the config does not mention at
     * all (an explicit null in the config means no token). Only classes whose defaults matter for the
     * tokenizers we verify against transformers 5.18.
     */
    private static final Map<String, Map<String, String>> CLASS_DEFAULTS = Map.of(
            "GemmaTokenizer", Map.of("unk_token", "<unk>", "bos_token", "<bos>", "eos_token", "<eos>",
                    "pad_token", "<pad>", "mask_token", "<mask>"),
            "LlamaTokenizer", Map.of("unk_token", "<unk>", "bos_token", "<s>", "eos_token", "</s>"),
            "Qwen2Tokenizer", Map.of("unk_token", "<|endoftext|>", "eos_token", "<|endoftext|>",
                    "pad_token", "<|endoftext|>"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> specialTokens;
    private final Map<String, String> chatTemplates;

    private TokenizerConfig(Map<String, String> specialTokens, Map<String, String> chatTemplates) {
        this.specialTokens = Collections.unmodifiableMap(specialTokens);
        this.chatTemplates = Collections.unmodifiableMap(chatTemplates);
    }

    public static TokenizerConfig of(TokenizerFiles files) {
        JsonNode config = parse(files.tokenizerConfigJson(), files.origin(), TokenizerFiles.TOKENIZER_CONFIG_JSON);
        JsonNode specialMap = parse(files.specialTokensMapJson(), files.origin(), TokenizerFiles.SPECIAL_TOKENS_MAP_JSON);
        return new TokenizerConfig(specialTokens(config, specialMap, files.origin()),
                chatTemplates(config, files.chatTemplateJinja(), files.origin()));
    }

    /** Special tokens by variable name, e.g. {@code eos_token -> <|im_end|>}. */
    public Map<String, String> specialTokens() {
        return specialTokens;
    }

    /** The tokenizer's own chat templates by name; a single template is named {@value #DEFAULT_TEMPLATE}. */
    public Map<String, String> chatTemplates() {
        return chatTemplates;
    }

    private static JsonNode parse(byte[] bytes, String origin, String name) {
        if (bytes == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new TokenizerLoadException(origin + "/" + name + ": expected a JSON object at the top level");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new TokenizerLoadException(origin + "/" + name + ": not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ")", e);
        } catch (java.io.IOException e) {
            throw new TokenizerLoadException(origin + "/" + name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static Map<String, String> specialTokens(JsonNode config, JsonNode specialMap, String origin) {
        // Keyword values as transformers' from_pretrained collects them: the config, then (only for configs
        // without added_tokens_decoder, the legacy layout) special_tokens_map.json over it.
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (config != null) {
            config.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
        }
        if (specialMap != null && (config == null || !config.has("added_tokens_decoder"))) {
            specialMap.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
        }
        List<String> names = new java.util.ArrayList<>(NAMED_TOKENS);
        JsonNode extra = values.get("extra_special_tokens");
        if (extra != null && extra.isObject()) {
            // Named model-specific tokens (e.g. Gemma 3's boi_token) become variables too.
            for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!names.contains(e.getKey())) {
                    names.add(e.getKey());
                }
                values.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        Map<String, String> defaults = CLASS_DEFAULTS.getOrDefault(tokenizerClass(config), Map.of());
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String name : names) {
            String token;
            if (values.containsKey(name)) {
                token = tokenText(values.get(name), origin, name);
            } else {
                token = defaults.get(name);
            }
            if (token != null) {
                tokens.put(name, token);
            }
        }
        return tokens;
    }

    private static String tokenizerClass(JsonNode config) {
        if (config == null || !config.path("tokenizer_class").isTextual()) {
            return "";
        }
        String name = config.get("tokenizer_class").asText();
        return name.endsWith("Fast") ? name.substring(0, name.length() - 4) : name;
    }

    /** A special token is either its text or an {@code AddedToken} object holding it as {@code content}. */
    private static String tokenText(JsonNode value, String origin, String name) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isObject() && value.path("content").isTextual()) {
            return value.get("content").asText();
        }
        throw new TokenizerLoadException(origin + "/" + TokenizerFiles.TOKENIZER_CONFIG_JSON + ": special token '"
                + name + "' must be a string or an object with a string 'content', got " + value);
    }

    private static Map<String, String> chatTemplates(JsonNode config, String jinjaFile, String origin) {
        Map<String, String> templates = new LinkedHashMap<>();
        // transformers 5: a chat_template.jinja file replaces whatever the config holds.
        if (jinjaFile != null) {
            templates.put(DEFAULT_TEMPLATE, jinjaFile);
            return templates;
        }
        JsonNode node = config == null ? null : config.get("chat_template");
        if (node == null || node.isNull()) {
            return templates;
        }
        if (node.isTextual()) {
            templates.put(DEFAULT_TEMPLATE, node.asText());
            return templates;
        }
        if (node.isArray()) {
            for (JsonNode entry : node) {
                if (!entry.path("name").isTextual() || !entry.path("template").isTextual()) {
                    throw new TokenizerLoadException(origin + "/" + TokenizerFiles.TOKENIZER_CONFIG_JSON
                            + ": each chat_template entry needs a string 'name' and 'template', got " + abbreviate(entry));
                }
                templates.put(entry.get("name").asText(), entry.get("template").asText());
            }
            return templates;
        }
        throw new TokenizerLoadException(origin + "/" + TokenizerFiles.TOKENIZER_CONFIG_JSON
                + ": chat_template must be a string or a list of {name, template}, got " + node.getNodeType());
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
