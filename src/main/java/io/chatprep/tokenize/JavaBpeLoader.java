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
import java.util.regex.PatternSyntaxException;

/**
 * Reads tokenizer.json into a {@link JavaBpeEncoder} when every step of its pipeline is one the Java encoder
 * reproduces exactly; otherwise names the first step that is not. Vocabulary and merges are streamed, never
 * built as a JSON tree.
 */
final class JavaBpeLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode normalizer;
    private JsonNode preTokenizer;
    private JsonNode postProcessor;
    private final Map<String, JsonNode> modelFlags = new HashMap<>();
    private Map<String, Integer> vocab;
    private List<String[]> merges;
    private String reason;
    /** Only the pipeline's shape is checked; vocabulary and merges are skipped unread. */
    private final boolean shapeOnly;

    private JavaBpeLoader(boolean shapeOnly) {
        this.shapeOnly = shapeOnly;
    }

    /**
     * Why this tokenizer's pipeline is not one the Java encoder reproduces, or null when it is; cheap (vocabulary
     * and merges are skipped), so a driver can say how rows will be encoded without building the model.
     */
    static String pipelineReason(byte[] tokenizerJson) {
        JavaBpeLoader loader = new JavaBpeLoader(true);
        try {
            loader.read(tokenizerJson);
        } catch (IOException | RuntimeException e) {
            loader.reason = "tokenizer.json cannot be read: " + e.getMessage();
        }
        return loader.reason;
    }

    static JavaBpeEncoder load(byte[] tokenizerJson, String[] whyNot) {
        JavaBpeLoader loader = new JavaBpeLoader(false);
        JavaBpeEncoder encoder = null;
        try {
            encoder = loader.read(tokenizerJson);
        } catch (IOException | RuntimeException e) {
            // A file the native tokenizer accepts but this reader does not understand is left to the native one.
            loader.reason = "tokenizer.json cannot be read: " + e.getMessage();
            encoder = null;
        }
        if (whyNot != null && whyNot.length > 0) {
            whyNot[0] = loader.reason;
        }
        return encoder;
    }

    private JavaBpeEncoder read(byte[] json) throws IOException {
        try (JsonParser p = new JsonFactory(JSON).createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return fail("tokenizer.json is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "normalizer" -> normalizer = p.readValueAsTree();
                    case "pre_tokenizer" -> preTokenizer = p.readValueAsTree();
                    case "post_processor" -> postProcessor = p.readValueAsTree();
                    case "model" -> readModel(p);
                    default -> p.skipChildren();
                }
                if (reason != null) {
                    return null;
                }
            }
        }
        Boolean nfc = normalizerIsNfc(normalizer);
        if (nfc == null) {
            return fail("normalizer " + describe(normalizer) + " is not identity or NFC");
        }
        List<String> regexes = splitRegexes(preTokenizer);
        if (regexes == null) {
            return fail("pre_tokenizer " + describe(preTokenizer) + " is not Split regexes (Isolated) then ByteLevel without its own regex");
        }
        if (!postProcessorKeepsOffsets(postProcessor)) {
            return fail("post_processor " + describe(postProcessor) + " may change offsets");
        }
        String modelReason = modelReason();
        if (modelReason != null) {
            return fail(modelReason);
        }
        if (shapeOnly) {
            return null;
        }
        int[] byteIds = new int[256];
        for (int b = 0; b < 256; b++) {
            Integer id = vocab.get(String.valueOf(ByteLevelBpe.BYTE_CHARS[b]));
            if (id == null) {
                return fail("the vocabulary lacks byte " + b);
            }
            byteIds[b] = id;
        }
        PairMerges table = new PairMerges(merges.size());
        for (int rank = 0; rank < merges.size(); rank++) {
            String[] pair = merges.get(rank);
            Integer left = vocab.get(pair[0]);
            Integer right = vocab.get(pair[1]);
            Integer merged = vocab.get(pair[0] + pair[1]);
            if (left == null || right == null || merged == null) {
                return fail("merge " + pair[0] + " " + pair[1] + " names a token outside the vocabulary");
            }
            table.put(left, right, rank, merged);
        }
        RegexSplits splits;
        try {
            splits = new RegexSplits(regexes);
        } catch (PatternSyntaxException e) {
            return fail("a Split regex does not compile in Java: " + e.getDescription());
        }
        boolean ignoreMerges = modelFlags.containsKey("ignore_merges") && modelFlags.get("ignore_merges").asBoolean(false);
        // The vocabulary is only looked up again for ignore_merges; otherwise its map (tens of MB) can go.
        return new JavaBpeEncoder(splits, new ByteLevelBpe(ignoreMerges ? vocab : Map.of(), byteIds, table, ignoreMerges),
                nfc);
    }

    private void readModel(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            fail("model is not an object");
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (shapeOnly && (field.equals("vocab") || field.equals("merges"))) {
                p.skipChildren();
                modelFlags.put(field, null);
            } else if (field.equals("vocab") && value == JsonToken.START_OBJECT) {
                vocab = new HashMap<>(1 << 18);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String token = p.currentName();
                    p.nextToken();
                    vocab.put(token, p.getIntValue());
                }
            } else if (field.equals("merges") && value == JsonToken.START_ARRAY) {
                merges = new ArrayList<>(1 << 18);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String[] pair = readMerge(p);
                    if (pair == null) {
                        fail("a merge is neither \"a b\" nor [a, b]");
                        return;
                    }
                    merges.add(pair);
                }
            } else {
                modelFlags.put(field, p.readValueAsTree());
            }
        }
    }

    private static String[] readMerge(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            String[] parts = p.getText().split(" ", -1);
            return parts.length == 2 ? parts : null;
        }
        if (p.currentToken() == JsonToken.START_ARRAY) {
            List<String> parts = new ArrayList<>(2);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return null;
                }
                parts.add(p.getText());
            }
            return parts.size() == 2 ? parts.toArray(new String[0]) : null;
        }
        return null;
    }

    private String modelReason() {
        String type = flag("type");
        if (!"BPE".equals(type)) {
            return "model " + type + " is not BPE";
        }
        boolean listed = shapeOnly ? modelFlags.containsKey("vocab") && modelFlags.containsKey("merges")
                : vocab != null && merges != null;
        if (!listed) {
            return "the BPE model has no vocab or merges";
        }
        JsonNode dropout = modelFlags.get("dropout");
        if (dropout != null && dropout.isNumber() && dropout.asDouble() > 0) {
            return "BPE dropout is random";
        }
        if (modelFlags.containsKey("byte_fallback") && modelFlags.get("byte_fallback").asBoolean(false)) {
            return "BPE byte_fallback is not byte-level BPE";
        }
        for (String affix : List.of("continuing_subword_prefix", "end_of_word_suffix")) {
            String value = flag(affix);
            if (value != null && !value.isEmpty()) {
                return "BPE " + affix + " '" + value + "' is not supported";
            }
        }
        return null;
    }

    private String flag(String name) {
        JsonNode value = modelFlags.get(name);
        return value == null || value.isNull() ? null : value.asText();
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

    private JavaBpeEncoder fail(String why) {
        if (reason == null) {
            reason = why;
        }
        return null;
    }
}
