package io.chatprep.tokenize.bpe;

import io.chatprep.tokenize.TokenizerJsonParts;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * Builds a {@link JavaBpeEncoder} from tokenizer.json when every step of its pipeline is one the Java encoder
 * reproduces exactly; otherwise names the first step that is not.
 */
public final class JavaBpeLoader {
    private JavaBpeLoader() {
    }

    static JavaBpeEncoder load(byte[] tokenizerJson, String[] whyNot) {
        TokenizerJsonParts parts;
        try {
            parts = TokenizerJsonParts.read(tokenizerJson);
        } catch (IOException | RuntimeException e) {
            return declined(unreadable(e), whyNot);
        }
        return fromParts(parts, whyNot);
    }

    /** As {@link #load}, from parts already read. */
    public static JavaBpeEncoder fromParts(TokenizerJsonParts parts, String[] whyNot) {
        String[] reason = new String[1];
        JavaBpeEncoder encoder;
        try {
            encoder = build(parts, reason);
        } catch (IOException | RuntimeException e) {
            return declined(unreadable(e), whyNot);
        }
        if (whyNot != null && whyNot.length > 0) {
            whyNot[0] = reason[0];
        }
        return encoder;
    }

    /** Why a file the native tokenizer accepts but this reader does not understand is left to the native one. */
    static String unreadable(Exception e) {
        return e instanceof IllegalArgumentException ? e.getMessage() : "tokenizer.json cannot be read: " + e.getMessage();
    }

    private static JavaBpeEncoder declined(String reason, String[] whyNot) {
        if (whyNot != null && whyNot.length > 0) {
            whyNot[0] = reason;
        }
        return null;
    }

    /**
     * Why this pipeline is not one the Java encoder reproduces, or null when it is; needs no vocabulary, so a driver
     * can say how rows will be encoded without building the model.
     */
    public static String pipelineReason(TokenizerJsonParts parts) {
        if (parts.modelNotObject) {
            return "model is not an object";
        }
        if (normalizerIsNfc(parts.normalizer) == null) {
            return "normalizer " + describe(parts.normalizer) + " is not identity or NFC";
        }
        if (splitRegexes(parts.preTokenizer) == null) {
            return "pre_tokenizer " + describe(parts.preTokenizer)
                    + " is not Split regexes (Isolated) then ByteLevel without its own regex";
        }
        if (!postProcessorKeepsOffsets(parts.postProcessor)) {
            return "post_processor " + describe(parts.postProcessor) + " may change offsets";
        }
        return modelReason(parts);
    }

    private static JavaBpeEncoder build(TokenizerJsonParts parts, String[] reason) throws IOException {
        reason[0] = pipelineReason(parts);
        if (reason[0] == null && (parts.vocabAt < 0 || parts.mergesAt < 0)) {
            reason[0] = "the BPE model has no vocab or merges";
        }
        if (reason[0] != null) {
            return null;
        }
        RegexSplits splits;
        try {
            splits = new RegexSplits(splitRegexes(parts.preTokenizer));
        } catch (PatternSyntaxException e) {
            reason[0] = "a Split regex does not compile in Java: " + e.getDescription();
            return null;
        }
        boolean ignoreMerges = parts.modelFlag("ignore_merges");
        BpeTables tables = BpeTables.read(parts.json, parts.vocabAt, parts.mergesAt, ignoreMerges, reason);
        if (tables == null) {
            return null;
        }
        // The vocabulary is only looked up again for ignore_merges.
        return new JavaBpeEncoder(splits, new ByteLevelBpe(ignoreMerges ? tables.vocab.toMap() : Map.of(),
                tables.byteIds, tables.merges, ignoreMerges), normalizerIsNfc(parts.normalizer));
    }

    private static String modelReason(TokenizerJsonParts parts) {
        String type = parts.modelText("type");
        if (!"BPE".equals(type)) {
            return "model " + type + " is not BPE";
        }
        if (!parts.model.containsKey("vocab") || !parts.model.containsKey("merges")) {
            return "the BPE model has no vocab or merges";
        }
        JsonNode dropout = parts.model.get("dropout");
        if (dropout != null && dropout.isNumber() && dropout.asDouble() > 0) {
            return "BPE dropout is random";
        }
        if (parts.modelFlag("byte_fallback")) {
            return "BPE byte_fallback is not byte-level BPE";
        }
        for (String affix : List.of("continuing_subword_prefix", "end_of_word_suffix")) {
            String value = parts.modelText(affix);
            if (value != null && !value.isEmpty()) {
                return "BPE " + affix + " '" + value + "' is not supported";
            }
        }
        return null;
    }

    /** True for NFC, false for identity, null for anything else. */
    private static Boolean normalizerIsNfc(JsonNode normalizer) {
        if (normalizer == null || normalizer.isNull()) {
            return false;
        }
        String type = normalizer.path("type").asText("");
        if (type.equals("NFC")) {
            return true;
        }
        if (!type.equals("Sequence")) {
            return null;
        }
        boolean nfc = false;
        for (JsonNode member : normalizer.path("normalizers")) {
            Boolean memberNfc = normalizerIsNfc(member);
            if (memberNfc == null || (memberNfc && nfc)) {
                return null;
            }
            nfc |= memberNfc;
        }
        return nfc;
    }

    /** The Split regexes before a final ByteLevel step, or null when the pre-tokenizer is not that shape. */
    private static List<String> splitRegexes(JsonNode preTokenizer) {
        if (preTokenizer == null || !preTokenizer.path("type").asText("").equals("Sequence")) {
            return null;
        }
        JsonNode steps = preTokenizer.path("pretokenizers");
        int n = steps.size();
        if (n < 2) {
            return null;
        }
        JsonNode last = steps.get(n - 1);
        if (!last.path("type").asText("").equals("ByteLevel") || last.path("add_prefix_space").asBoolean(true)
                || last.path("use_regex").asBoolean(true)) {
            return null;
        }
        List<String> regexes = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            JsonNode step = steps.get(i);
            JsonNode regex = step.path("pattern").path("Regex");
            if (!step.path("type").asText("").equals("Split") || !regex.isTextual()
                    || !step.path("behavior").asText("").equals("Isolated") || step.path("invert").asBoolean(false)) {
                return null;
            }
            regexes.add(regex.asText());
        }
        return regexes;
    }

    /** Without special tokens, ByteLevel (untrimmed) and template processing leave every token's offsets alone. */
    private static boolean postProcessorKeepsOffsets(JsonNode processor) {
        if (processor == null || processor.isNull()) {
            return true;
        }
        String type = processor.path("type").asText("");
        return switch (type) {
            case "ByteLevel" -> !processor.path("trim_offsets").asBoolean(true);
            case "TemplateProcessing" -> true;
            case "Sequence" -> {
                for (JsonNode member : processor.path("processors")) {
                    if (!postProcessorKeepsOffsets(member)) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> false;
        };
    }

    private static String describe(JsonNode step) {
        if (step == null || step.isNull()) {
            return "null";
        }
        String type = step.path("type").asText("");
        return type.isEmpty() ? "(untyped)" : type;
    }
}
