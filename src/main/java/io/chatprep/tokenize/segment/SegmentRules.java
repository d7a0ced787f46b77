package io.chatprep.tokenize.segment;

import io.chatprep.tokenize.AddedToken;
import io.chatprep.tokenize.TokenizerJsonParts;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What tokenizer.json says about encoding a text piece by piece: its added tokens, whether tokens marked
 * {@code normalized} can be split off before normalizing (only when the normalizer changes nothing), and,
 * when piecewise encoding could differ from encoding the whole text, the reason.
 *
 * <p>tokenizers-rs cuts a text at added tokens before anything else runs and then normalizes,
 * pre-tokenizes and tokenizes every piece on its own, so a piece encodes the same alone as in its text
 * unless a step looks at where the piece sits: Metaspace with {@code prepend_scheme: first} prepends only
 * to the piece at offset 0, and BPE dropout is random. Steps this class does not know are treated as unsafe.
 */
public final class SegmentRules {
    private static final Set<String> NORMALIZERS = Set.of("NFC", "NFD", "NFKC", "NFKD", "Lowercase", "Strip",
            "StripAccents", "Replace", "Prepend", "Precompiled", "BertNormalizer", "ByteLevel", "Nmt", "Sequence");
    private static final Set<String> PRE_TOKENIZERS = Set.of("ByteLevel", "Split", "Sequence", "Whitespace",
            "WhitespaceSplit", "Punctuation", "Digits", "BertPreTokenizer", "CharDelimiterSplit", "UnicodeScripts",
            "Metaspace", "FixedLength");

    private final List<AddedToken> tokens;
    private final boolean normalizerIsIdentity;
    private final String unsafeReason;

    SegmentRules(List<AddedToken> tokens, boolean normalizerIsIdentity, String unsafeReason) {
        this.tokens = List.copyOf(tokens);
        this.normalizerIsIdentity = normalizerIsIdentity;
        this.unsafeReason = unsafeReason;
    }

    /** Reads the parts of tokenizer.json that matter, skipping the vocabulary and merges without building them. */
    public static SegmentRules of(byte[] tokenizerJson) {
        try {
            return from(TokenizerJsonParts.read(tokenizerJson));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer.json", e);
        }
    }

    static SegmentRules from(TokenizerJsonParts parts) {
        JsonNode added = parts.addedTokens;
        JsonNode normalizer = parts.normalizer;
        JsonNode preTokenizer = parts.preTokenizer;
        JsonNode dropout = parts.model.get("dropout");
        List<AddedToken> tokens = new ArrayList<>();
        Set<String> contents = new HashSet<>();
        String reason = null;
        if (added != null) {
            for (JsonNode t : added) {
                AddedToken token = new AddedToken(t.path("id").asInt(), t.path("content").asText(""),
                        t.path("special").asBoolean(false), t.path("normalized").asBoolean(true),
                        t.path("lstrip").asBoolean(false), t.path("rstrip").asBoolean(false),
                        t.path("single_word").asBoolean(false));
                if (token.content().isEmpty()) {
                    continue;
                }
                if (!contents.add(token.content())) {
                    // Which entry's flags tokenizers-rs keeps for a repeated content is an accident of its maps.
                    reason = "added token " + token.content() + " is listed twice";
                }
                tokens.add(token);
            }
        }
        if (reason == null) {
            reason = unsafeStep(normalizer, "normalizer", NORMALIZERS, "normalizers");
        }
        if (reason == null) {
            reason = unsafeStep(preTokenizer, "pre_tokenizer", PRE_TOKENIZERS, "pretokenizers");
        }
        if (reason == null && dropout != null && dropout.isNumber() && dropout.asDouble() > 0) {
            reason = "BPE dropout makes every encoding random";
        }
        return new SegmentRules(tokens, isIdentity(normalizer), reason);
    }

    private static String unsafeStep(JsonNode step, String where, Set<String> known, String members) {
        if (step == null || step.isNull()) {
            return null;
        }
        String type = step.path("type").asText("");
        if (!known.contains(type)) {
            return where + " " + (type.isEmpty() ? step.toString() : type) + " is not known to encode pieces independently";
        }
        if (type.equals("Metaspace") && step.path("prepend_scheme").asText("always").equalsIgnoreCase("first")) {
            return where + " Metaspace with prepend_scheme first prepends to the first piece of a text only";
        }
        if (type.equals("Sequence")) {
            for (JsonNode member : step.path(members)) {
                String reason = unsafeStep(member, where, known, members);
                if (reason != null) {
                    return reason;
                }
            }
        }
        return null;
    }

    private static boolean isIdentity(JsonNode normalizer) {
        if (normalizer == null || normalizer.isNull()) {
            return true;
        }
        if (!normalizer.path("type").asText("").equals("Sequence")) {
            return false;
        }
        for (JsonNode member : normalizer.path("normalizers")) {
            if (!isIdentity(member)) {
                return false;
            }
        }
        return true;
    }

    public List<AddedToken> tokens() {
        return tokens;
    }

    /** Whether {@code normalized} tokens match the raw text too (the normalizer leaves every text unchanged). */
    public boolean normalizerIsIdentity() {
        return normalizerIsIdentity;
    }

    /** Why piecewise encoding is unsafe for this tokenizer, or null when it is exact. */
    public String unsafeReason() {
        return unsafeReason;
    }
}
