package io.chatprep.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The pipeline transformers 5 builds for the tokenizer class that tokenizer_config.json names, where it differs from
 * tokenizer.json's own. {@code AutoTokenizer} (what TRL users get) instantiates that class, and {@code LlamaTokenizer}
 * ({@code LlamaTokenizerFast} is the same class) keeps only tokenizer.json's vocabulary, merges and added tokens: no
 * normalizer, a {@code Metaspace} pre-tokenizer that puts "▁" before a text unless it already starts with a space
 * ({@code prepend_scheme} "always" for {@code legacy: true}, "first" otherwise, "never" with
 * {@code add_prefix_space: false}), and a decoder to match. tokenizer.json files written by older converters
 * (Llama 2, Mistral 7B, Yi) prepend "▁" with a normalizer to every text between added tokens, or never (Yi), so the
 * ids around spaces and after special tokens would differ from transformers'.
 *
 * <p>A byte-level vocabulary under that class name (DeepSeek-V3's tokenizer_config.json says LlamaTokenizerFast) is
 * left as tokenizer.json has it: the class's SentencePiece pipeline would turn each of its spaces into a piece the
 * vocabulary does not have.
 */
final class ClassPipeline {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPACE_PIECE = "\u2581";

    private ClassPipeline() {
    }

    /** tokenizer.json as {@code config}'s class rebuilds it, or {@code tokenizerJson} itself when nothing changes. */
    static byte[] apply(byte[] tokenizerJson, JsonNode config) {
        if (config == null || !isLlamaClass(config.path("tokenizer_class").asText(""))) {
            return tokenizerJson;
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(tokenizerJson);
        } catch (IOException e) {
            // Loading reports a tokenizer.json that is not JSON, naming the file.
            return tokenizerJson;
        }
        if (!(parsed instanceof ObjectNode tokenizer) || !isSentencePieceBpe(tokenizer)) {
            return tokenizerJson;
        }
        boolean addPrefixSpace = !config.path("add_prefix_space").isBoolean() || config.get("add_prefix_space").asBoolean();
        boolean legacy = config.path("legacy").asBoolean(false);
        String prependScheme = !addPrefixSpace ? "never" : legacy ? "always" : "first";

        tokenizer.putNull("normalizer");
        ObjectNode pre = tokenizer.putObject("pre_tokenizer");
        pre.put("type", "Metaspace");
        pre.put("replacement", SPACE_PIECE);
        pre.put("prepend_scheme", prependScheme);
        pre.put("split", false);
        ObjectNode decoder = tokenizer.putObject("decoder");
        decoder.put("type", "Sequence");
        ArrayNode steps = decoder.putArray("decoders");
        ObjectNode replace = steps.addObject();
        replace.put("type", "Replace");
        replace.putObject("pattern").put("String", SPACE_PIECE);
        replace.put("content", " ");
        steps.addObject().put("type", "ByteFallback");
        steps.addObject().put("type", "Fuse");
        if (addPrefixSpace) {
            ObjectNode strip = steps.addObject();
            strip.put("type", "Strip");
            strip.put("content", " ");
            strip.put("start", 1);
            strip.put("stop", 0);
        }
        // The class builds its BPE model without an unknown token; byte fallback covers what the vocabulary lacks.
        ObjectNode model = (ObjectNode) tokenizer.get("model");
        model.putNull("unk_token");
        model.put("fuse_unk", true);
        model.put("byte_fallback", true);
        try {
            return JSON.writeValueAsBytes(tokenizer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether transformers 5 rebuilds this class's pipeline: LlamaTokenizer, also under its Fast name. */
    static boolean isLlamaClass(String tokenizerClass) {
        return tokenizerClass.equals("LlamaTokenizer") || tokenizerClass.equals("LlamaTokenizerFast");
    }

    /** A BPE model over "▁"-marked pieces with byte fallback, as SentencePiece converts: not a byte-level one. */
    private static boolean isSentencePieceBpe(JsonNode tokenizer) {
        JsonNode model = tokenizer.path("model");
        return model.path("type").asText("").equals("BPE") && model.path("byte_fallback").asBoolean(false)
                && !mentions(tokenizer.path("pre_tokenizer"), "ByteLevel") && !mentions(tokenizer.path("decoder"),
                "ByteLevel");
    }

    private static boolean mentions(JsonNode step, String type) {
        if (step.path("type").asText("").equals(type)) {
            return true;
        }
        for (JsonNode child : step) {
            if (child.isContainerNode() && mentions(child, type)) {
                return true;
            }
        }
        return false;
    }
}
