package io.chatprep.tokenize.segment;

import io.chatprep.tokenize.Encoding;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.TokenGoldens;
import io.chatprep.tokenize.TokenizerFiles;
import io.chatprep.tokenize.TokenizerVariants;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where texts are cut at added tokens, written out by hand from tokenizers-rs' rules, and, for every case, the
 * piecewise encoding checked against the tokenizer encoding the whole text (the reference: {@link HfTokenizer#encode}).
 */
@Tag("corpus")
class AddedTokenSplitterTest {
    private static final String START = "<|im_start|>";
    private static final String END = "<|im_end|>";
    private static final TokenizerFiles QWEN = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("qwen3"));

    @Test
    void textWithoutAddedTokensIsOnePiece() {
        assertEquals(List.of("T[hello world]"), cut("qwen3", "hello world"));
        assertEquals(List.of(), cut("qwen3", ""));
        assertSameAsWhole(QWEN, "hello world", "", " ", "\n\n");
    }

    @Test
    void adjacentTokensAndTokensAtBothEnds() {
        String text = START + END + "user\nhi" + END + START;
        assertEquals(List.of("A[" + START + "]", "A[" + END + "]", "T[user\nhi]", "A[" + END + "]", "A[" + START + "]"),
                cut("qwen3", text));
        assertSameAsWhole(QWEN, text, START, START + START, END + "x", "x" + END);
    }

    @Test
    void longestMatchAtTheLeftmostStartWins() {
        SegmentRules rules = rules("qwen3", TokenizerVariants.add("ab", false, false)
                .andThen(TokenizerVariants.add("abc", false, false))
                .andThen(TokenizerVariants.add("bcd", false, false)));
        // "abc" starts first and is the longest there; "bcd" overlaps it and is never considered.
        assertEquals(List.of("A[abc]", "T[d]", "A[ab]", "T[ ]", "A[bcd]"),
                cut(rules, "abcdab bcd"));
        assertSameAsWhole(TokenizerVariants.edited("qwen3", TokenizerVariants.add("ab", false, false)
                        .andThen(TokenizerVariants.add("abc", false, false))
                        .andThen(TokenizerVariants.add("bcd", false, false))),
                "abcdab bcd", "xabcabcd", "aab", "bc");
    }

    @Test
    void codePointOffsetsAcrossNonBmpCharacters() {
        String text = "😀𝔘 a" + END + "\n𝔘😀x" + START + "😀";
        assertEquals(List.of("T[😀𝔘 a]", "A[" + END + "]", "T[\n𝔘😀x]", "A[" + START + "]", "T[😀]"),
                cut("qwen3", text));
        try (HfTokenizer qwen = HfTokenizer.fromFiles(QWEN)) {
            Encoding e = SegmentEncoder.create(qwen, QWEN).encode(text);
            int endToken = indexOf(e.ids(), 151645);
            // 😀 and 𝔘 are one code point each: the end token covers code points 4..14.
            assertEquals(4, e.offsets()[2 * endToken]);
            assertEquals(14, e.offsets()[2 * endToken + 1]);
        }
        assertSameAsWhole(QWEN, text, "𝔘" + END, END + "😀", "😀😀😀");
    }

    @Test
    void loneSurrogatesAreEncodedWhole() {
        // The native side sees a lone surrogate as three replacement characters: offsets after it are not Java's.
        assertSameAsWhole(QWEN, "a\uD800b" + END + "c\uDC00d", "\uD83D" + END + "\uDE00x", "x\uD83D");
    }

    @Test
    void lstripAndRstripTakeTheWhitespaceAroundTheToken() {
        Consumer<ObjectNode> edit = TokenizerVariants.flag(END, "lstrip", true)
                .andThen(TokenizerVariants.flag(START, "rstrip", true));
        String text = "a \t " + END + "\n\u00a0" + START + " \n b  " + END;
        // lstrip takes " \t " before <|im_end|>; rstrip takes " \n " after <|im_start|> (U+00A0 is White_Space too,
        // but it sits before <|im_start|>, which does not lstrip).
        assertEquals(List.of("T[a]", "A[ \t " + END + "]", "T[\n\u00a0]", "A[" + START + " \n ]", "T[b]", "A[  " + END + "]"),
                cut(rules("qwen3", edit), text));
        assertSameAsWhole(TokenizerVariants.edited("qwen3", edit), text, "   " + END, START + "   ", START + " " + END, "x" + START + "\u3000y",
                    START + "\n" + END + "z", "😀 " + END + " 😀");
    }

    @Test
    void lstripDoesNotReachIntoTheWhitespaceAnEarlierTokenTook() {
        Consumer<ObjectNode> edit = TokenizerVariants.flag(END, "lstrip", true)
                .andThen(TokenizerVariants.flag(START, "rstrip", true));
        String text = START + "   " + END + "x";
        assertEquals(List.of("A[" + START + "   ]", "A[" + END + "]", "T[x]"), cut(rules("qwen3", edit), text));
        assertSameAsWhole(TokenizerVariants.edited("qwen3", edit), text);
    }

    @Test
    void singleWordTokensOnlyBetweenNonWordCharacters() {
        Consumer<ObjectNode> edit = TokenizerVariants.add("cat", false, false)
                .andThen(TokenizerVariants.flag("cat", "single_word", true));
        SegmentRules rules = rules("qwen3", edit);
        assertEquals(List.of("T[a ]", "A[cat]", "T[, ]", "A[cat]"), cut(rules, "a cat, cat"));
        assertEquals(List.of("A[cat]", "A[" + END + "]"), cut(rules, "cat" + END));
        // "cats" and "_cat" are discarded by tokenizers-rs; such texts are not cut at all.
        assertNull(cut(rules, "cats " + END));
        assertNull(cut(rules, "_cat"));
        assertSameAsWhole(TokenizerVariants.edited("qwen3", edit), "a cat, cat", "cat" + END, "cats " + END, "_cat", "é cat", "catcat", END + "cat" + START);
    }

    @Test
    void normalizedTokensAreCutInsidePiecesWhenTheNormalizerChangesNothing() {
        // DeepSeek-V3: <｜User｜> is normalized, the normalizer an empty sequence; <｜begin▁of▁sentence｜> is not.
        SegmentRules rules = SegmentRules.of(TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("deepseek_v3")).tokenizerJson());
        assertTrue(rules.normalizerIsIdentity());
        String text = "<｜begin▁of▁sentence｜>sys<｜User｜>hi<｜Assistant｜>ok";
        assertEquals(List.of("A[<｜begin▁of▁sentence｜>]", "T[sys]", "A[<｜User｜>]", "T[hi]", "A[<｜Assistant｜>]", "T[ok]"),
                cut(rules, text));
        assertSameAsWhole(TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("deepseek_v3")), text);
        // Qwen3 normalizes with NFC: a normalized token stays inside its piece, where the tokenizer finds it.
        Consumer<ObjectNode> edit = TokenizerVariants.add("<norm>", false, true);
        SegmentRules nfc = rules("qwen3", edit);
        assertFalse(nfc.normalizerIsIdentity());
        assertEquals(List.of("T[a<norm>b]", "A[" + END + "]"), cut(nfc, "a<norm>b" + END));
        assertSameAsWhole(TokenizerVariants.edited("qwen3", edit), "a<norm>b" + END, "<norm>");
    }

    @Test
    void metaspaceFirstIsEncodedWhole() {
        // Llama 2 as some tokenizer.json files describe it: Metaspace prepends "▁" to the text's first piece only.
        // Without a tokenizer class in the config, tokenizer.json's pipeline is the one used.
        Consumer<ObjectNode> edit = root -> {
            root.putNull("normalizer");
            ObjectNode pre = root.putObject("pre_tokenizer");
            pre.put("type", "Metaspace").put("replacement", "▁").put("prepend_scheme", "first").put("split", false);
        };
        Consumer<ObjectNode> noClass = config -> config.remove("tokenizer_class");
        TokenizerFiles files = TokenizerVariants.edited("llama2", edit, noClass);
        SegmentRules rules = SegmentRules.of(files.tokenizerJson());
        assertNotNull(rules.unsafeReason());
        assertTrue(rules.unsafeReason().contains("prepend_scheme first"), rules.unsafeReason());
        try (HfTokenizer t = HfTokenizer.fromFiles(files)) {
            SegmentEncoder encoder = SegmentEncoder.create(t, files);
            assertFalse(encoder.reuses());
            // Why it must be whole: the piece after <s> gets no "▁" inside the text, but would alone.
            String text = "<s>[INST] hi [/INST] ok</s>";
            int[] whole = t.encode(text).ids();
            int[] middle = java.util.Arrays.copyOfRange(whole, 1, whole.length - 1);
            assertFalse(java.util.Arrays.equals(middle, t.encode("[INST] hi [/INST] ok").ids()));
            assertArrayEquals(whole, encoder.encode(text).ids());
            assertEquals(0, encoder.cacheHits() + encoder.cacheMisses());
        }
        // The same tokenizer with prepend_scheme always is piecewise-exact and reused.
        Consumer<ObjectNode> always = edit.andThen(root -> ((ObjectNode) root.get("pre_tokenizer")).put("prepend_scheme", "always"));
        TokenizerFiles alwaysFiles = TokenizerVariants.edited("llama2", always, noClass);
        try (HfTokenizer t = HfTokenizer.fromFiles(alwaysFiles)) {
            assertTrue(SegmentEncoder.create(t, alwaysFiles).reuses());
        }
        assertSameAsWhole(alwaysFiles, "<s>[INST] hi [/INST] ok</s>", " </s> x<s>", "<s>");
    }

    @Test
    void dropoutAndUnknownStepsDisableReuse() {
        SegmentRules dropout = rules("qwen3", root -> ((ObjectNode) root.get("model")).put("dropout", 0.1));
        assertTrue(dropout.unsafeReason().contains("dropout"));
        SegmentRules unknown = rules("qwen3", root -> ((ObjectNode) root.get("pre_tokenizer")).put("type", "Future"));
        assertTrue(unknown.unsafeReason().contains("Future"));
        assertNull(rules("qwen3", root -> { }).unsafeReason());
    }

    @Test
    void everyBundledTokenizerIsReused() {
        for (String name : TokenGoldens.ALL) {
            TokenizerFiles files = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir(name));
            try (HfTokenizer t = HfTokenizer.fromFiles(files)) {
                SegmentEncoder encoder = SegmentEncoder.create(t, files);
                assertTrue(encoder.reuses(), name + ": " + encoder.disabledReason());
            }
        }
    }

    private static SegmentRules rules(String name, Consumer<ObjectNode> edit) {
        return SegmentRules.of(TokenizerVariants.edited(name, edit).tokenizerJson());
    }

    private static List<String> cut(String name, String text) {
        return cut(SegmentRules.of(TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir(name)).tokenizerJson()), text);
    }

    /** Segments as {@code A[token]} / {@code T[text]}, or null when the splitter declines the text. */
    private static List<String> cut(SegmentRules rules, String text) {
        AddedTokenSplitter splitter = new AddedTokenSplitter(rules.tokens(), rules.normalizerIsIdentity());
        Segments segments = new Segments();
        if (!splitter.split(text, segments)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < segments.count(); i++) {
            String piece = text.substring(segments.start(i), segments.end(i));
            out.add((segments.token(i) == Segments.TEXT ? "T[" : "A[") + piece + "]");
        }
        return out;
    }

    /** Encodes each text twice (the second time from the cache) and compares with the whole-text encoding. */
    private static void assertSameAsWhole(TokenizerFiles files, String... texts) {
        try (HfTokenizer tokenizer = HfTokenizer.fromFiles(files)) {
            SegmentEncoder encoder = SegmentEncoder.create(tokenizer, SegmentRules.of(files.tokenizerJson()), 1 << 20, 1 << 20);
            assertTrue(encoder.reuses(), encoder.disabledReason());
            for (int round = 0; round < 2; round++) {
                for (String text : texts) {
                    Encoding whole = tokenizer.encode(text);
                    Encoding pieces = encoder.encode(text);
                    assertArrayEquals(whole.ids(), pieces.ids(), "ids of " + text);
                    assertArrayEquals(whole.offsets(), pieces.offsets(), "offsets of " + text);
                }
            }
        }
    }

    private static int indexOf(int[] ids, int id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        throw new AssertionError("no token " + id);
    }
}
