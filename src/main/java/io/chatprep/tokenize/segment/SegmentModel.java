package io.chatprep.tokenize.segment;

import io.chatprep.tokenize.TokenizerJsonParts;
import io.chatprep.tokenize.bpe.JavaBpeEncoder;
import io.chatprep.tokenize.bpe.JavaBpeLoader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Everything a {@link SegmentEncoder} takes from tokenizer.json, read in one pass: the rules for cutting texts at
 * added tokens and, when asked for, the Java BPE model. tokenizer.json runs to tens of MB, nearly all of it the
 * vocabulary and merges, which only the model reads.
 */
public final class SegmentModel {
    private final SegmentRules rules;
    private final JavaBpeEncoder java;
    private final String description;

    private SegmentModel(SegmentRules rules, JavaBpeEncoder java, String description) {
        this.rules = rules;
        this.java = java;
        this.description = description;
    }

    /**
     * @param javaBpe also build the Java BPE model (null when this tokenizer has none the Java encoder reproduces)
     * @throws UncheckedIOException     when tokenizer.json is not JSON
     * @throws IllegalArgumentException when it is not a JSON object
     */
    public static SegmentModel read(byte[] tokenizerJson, boolean javaBpe) {
        TokenizerJsonParts parts = readParts(tokenizerJson);
        SegmentRules rules = SegmentRules.from(parts);
        String[] whyNoJava = new String[1];
        JavaBpeEncoder java = javaBpe ? JavaBpeLoader.fromParts(parts, whyNoJava) : null;
        return new SegmentModel(rules, java, describe(rules, javaBpe, whyNoJava[0]));
    }

    /** How texts of this tokenizer will be encoded, without building the Java model (for a driver). */
    public static String describe(byte[] tokenizerJson, boolean javaBpe) {
        TokenizerJsonParts parts = readParts(tokenizerJson);
        return describe(SegmentRules.from(parts), javaBpe, javaBpe ? JavaBpeLoader.pipelineReason(parts) : null);
    }

    private static String describe(SegmentRules rules, boolean javaBpe, String whyNoJava) {
        if (rules.unsafeReason() != null) {
            return "native tokenizer, every text whole (" + rules.unsafeReason() + ")";
        }
        if (!javaBpe) {
            return "native tokenizer, text between added tokens reused across rows (java_bpe off)";
        }
        return whyNoJava == null
                ? "text between added tokens encoded in Java (byte-level BPE, same tokens as the native tokenizer)"
                : "native tokenizer (" + whyNoJava + ")";
    }

    private static TokenizerJsonParts readParts(byte[] tokenizerJson) {
        try {
            return TokenizerJsonParts.read(tokenizerJson);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer.json", e);
        }
    }

    public SegmentRules rules() {
        return rules;
    }

    /** The Java encoder, or null when pieces go to the native tokenizer. */
    public JavaBpeEncoder java() {
        return java;
    }

    /** A short sentence for run output: how texts are encoded and, for the native path, why. */
    public String description() {
        return description;
    }
}
