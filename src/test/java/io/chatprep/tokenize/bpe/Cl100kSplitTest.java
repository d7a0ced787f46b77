package io.chatprep.tokenize.bpe;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The hand-written matcher cuts every text where {@code java.util.regex} cuts it with the same pattern. */
class Cl100kSplitTest {
    private static final String QWEN = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final String LLAMA3 = QWEN.replace("|\\p{N}|", "|\\p{N}{1,3}|");

    /**
     * Characters of every class the pattern tells apart: contraction letters in both cases and the long s that
     * folds to {@code s}, letters of each category, marks, numbers of each category, every kind of white space and
     * line break, punctuation and symbols, characters outside the Basic Multilingual Plane, a lone surrogate.
     */
    private static final String[] ALPHABET = {
        "'", "'", "'", "s", "S", "ſ", "t", "T", "r", "R", "e", "E", "v", "V", "l", "L", "m", "M", "d", "D",
        "a", "x", "Z", "é", "中", "ǅ", "ʰ", "\u0301", "\u0903", "1", "9", "٣", "Ⅻ", "²",
        " ", " ", " ", "\t", "\n", "\n", "\r", "\u000B", "\f", "\u0085", "\u00A0", "\u2028", "\u2029", "\u3000",
        "\u2003", ".", ",", "!", "-", "$", "/", "😀", "𝐀", "𝟏", "\uD800", "\u200D",
    };

    private static List<String> texts(long seed, int count) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(List.of("", "'", "''s", "'S'T'RE'Ve'M'LL'D", "'ſ", "'r", "'l", "x'",
                " ", "  ", " \n ", "\r\n\r\n  x", "a  b", "a \t b", " 1234567 ", "  ...\n\n", " !\r\n\n", "\n\nabc",
                "x\u00A0\u00A0y", "😀😀 𝐀𝐀 𝟏𝟏𝟏𝟏"));
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(random.nextInt(8) == 0 ? 80 : 16);
            for (int k = 0; k < length; k++) {
                text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            texts.add(text.toString());
        }
        return texts;
    }

    private static int[] cuts(RegexSplits splits, String text) {
        RegexSplits.Bounds bounds = new RegexSplits.Bounds();
        splits.split(text, bounds);
        return bounds.toArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen", "llama3"})
    void cutsWhereTheRegexEngineCuts(String which) {
        String pattern = which.equals("qwen") ? QWEN : LLAMA3;
        assertNotNull(Cl100kSplit.forRegex(pattern));
        RegexSplits byHand = new RegexSplits(List.of(pattern), true);
        RegexSplits byEngine = new RegexSplits(List.of(pattern), false);
        // A first pattern that cuts the text into pieces, so matches also meet the end of a piece mid-text.
        RegexSplits piecesByHand = new RegexSplits(List.of("[.!]|\\n|\\s(?=')", pattern), true);
        RegexSplits piecesByEngine = new RegexSplits(List.of("[.!]|\\n|\\s(?=')", pattern), false);
        for (String text : texts(which.hashCode(), 30_000)) {
            assertArrayEquals(cuts(byEngine, text), cuts(byHand, text), () -> describe(text));
            assertArrayEquals(cuts(piecesByEngine, text), cuts(piecesByHand, text), () -> "in pieces: " + describe(text));
        }
    }

    @Test
    void otherPatternsAreLeftToTheRegexEngine() {
        assertNull(Cl100kSplit.forRegex(QWEN.replace("\\p{N}|", "\\p{N}{1,2}|")));
        assertNull(Cl100kSplit.forRegex(QWEN + "|x"));
        assertNull(Cl100kSplit.forRegex("\\p{N}{1,3}"));
    }

    private static String describe(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return out + " " + Arrays.toString(text.chars().toArray());
    }
}
