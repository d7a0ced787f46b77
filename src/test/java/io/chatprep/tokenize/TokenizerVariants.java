package io.chatprep.tokenize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Bundled test tokenizers with edits to their tokenizer.json, for added-token flags no real tokenizer here uses. */
public final class TokenizerVariants {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenizerVariants() {
    }

    /**
     * The tokenizer {@code name} with {@code edit} applied to its parsed tokenizer.json. The config's
     * added_tokens_decoder is left out: its entries would restore the flags the edit changes, as on loading.
     */
    public static TokenizerFiles edited(String name, Consumer<ObjectNode> edit) {
        return edited(name, edit, config -> { });
    }

    /** As {@link #edited(String, Consumer)}, with {@code configEdit} applied to tokenizer_config.json too. */
    public static TokenizerFiles edited(String name, Consumer<ObjectNode> edit, Consumer<ObjectNode> configEdit) {
        TokenizerFiles original = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir(name));
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(original.tokenizerJson());
            edit.accept(root);
            ObjectNode config = (ObjectNode) JSON.readTree(original.tokenizerConfigJson());
            config.remove("added_tokens_decoder");
            configEdit.accept(config);
            return new TokenizerFiles(JSON.writeValueAsBytes(root), JSON.writeValueAsBytes(config),
                    original.specialTokensMapJson(), original.chatTemplateJinja(), name + " (edited)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets {@code flag} to {@code value} on the added token whose content is {@code content}. */
    public static Consumer<ObjectNode> flag(String content, String flag, boolean value) {
        return root -> {
            for (var t : root.withArray("added_tokens")) {
                if (t.get("content").asText().equals(content)) {
                    ((ObjectNode) t).put(flag, value);
                    return;
                }
            }
            throw new IllegalArgumentException("no added token " + content);
        };
    }

    /** Appends a new added token after the highest id. */
    public static Consumer<ObjectNode> add(String content, boolean special, boolean normalized) {
        return root -> {
            ArrayNode added = root.withArray("added_tokens");
            int max = 0;
            for (var t : added) {
                max = Math.max(max, t.get("id").asInt());
            }
            ObjectNode t = added.addObject();
            t.put("id", max + 1).put("content", content).put("single_word", false).put("lstrip", false)
                    .put("rstrip", false).put("normalized", normalized).put("special", special);
        };
    }
}
