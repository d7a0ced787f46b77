package io.chatprep.tokenize.bpe;

import io.chatprep.tokenize.EncodedPiece;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.TokenGoldens;
import io.chatprep.tokenize.TokenizerFiles;
import io.chatprep.tokenize.TokenizerVariants;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java encoder against the native tokenizer (the reference, itself checked against transformers), piece by
 * piece: for every bundled byte-level tokenizer, hand-picked hard cases and thousands of random texts drawn from
 * scripts, marks, emoji, whitespace kinds, contractions, digit runs and long words give the same ids and
 * code-point offsets; the pieces it declines are exactly those it must decline.
 */
@Tag("corpus")
class JavaBpeEncoderTest {
    private static final List<String> FRAGMENTS = List.of(
            "hello", "Hello", "HELLO", "world", " the", "  two", "iPhone", "HelloWorld", "ǅemal", "ʰaspirated",
            "'s", "'S", "'ll", "'LL", "'Re", "'ve", "'d", "'m", "'t", "ſ", "'ſ", "'", "''", "don't", "I'M", "O'Neil",
            "0", "7", "42", "123", "2024", "3.14159", "1,000,000", "12345678901234567890", "١٢٣", "໒໓", "²³", "Ⅻ",
            "½", "ＡＢＣ１２３", " ", "  ", "   ", "\n", "\n\n", "\r\n", "\r", "\t", "\t\t", " \n", "\n ", "\u00a0",
            "\u3000", "\u2028", "\u2029", "\u0085", "\u000b", "\f", "\u200b", "\u200d", "\ufeff", "\u0001", "\u007f",
            "中文字符", "你好，世界！", "日本語のテキスト", "ひらがな", "カタカナー", "한국어 텍스트", "مرحبا بالعالم",
            "नमस्ते दुनिया", "สวัสดีครับ", "Привет, Мир", "Ελληνικά", "עברית", "ქართული", "ᚠᚢᚦ",
            "😀", "👍🏽", "👨\u200d👩\u200d👧", "🇫🇷", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "𝟙𝟚𝟛", "\ue000", "\udb80\udc00",
            "∑∫√", "€$¥£", "→⇒", "©®™", "«quoted»", "“curly”", "—", "…", "·", "§¶", "°C",
            "def f(x):\n    return x ** 2\n", "{\"key\": [1, 2, {\"a\": null}]}", "https://example.com/a?b=c&d=e#f",
            "<div class=\"x\">", "</s>", "#!/bin/sh", "a_b_c", "camelCase", "snake_case_name", "x=1;y=2",
            "...", "!!!", "???", "--", "==", "/**", "*/", "//", "\\n", "@user", "#tag", "$var", "%d", "^_^", "~/",
            "é", "café", "naïve", "ñ", "Å", "ﬁ", "Ǆ", "ß", "İstanbul", "ı", "K");

    private static final List<String> HARD = List.of(
            "", " ", "a", "\n", "  \n  \n", "   x", "x   ", "a  b   c    d", "\n\n\n\nHello", "end.\n\n",
            "It's HE'S we'LL they'Re", "'s's's", "ſ's 'ſ", "1234567", "a1b22c333d4444", "๑๒๓๔", "x².",
            "word\u00a0word", "tab\tsep\tvalues\n", "line\r\nline\r\n", "\u3000全角スペース\u3000",
            "🙂🙂🙂", "a👍🏽b", "中文English混合123", "😀".repeat(40), "a".repeat(300), "9".repeat(200),
            "-".repeat(150) + "\n", " ".repeat(257), "x" + "\u0301".repeat(5), "ﷺ", "ǅ", "ʼn", "İ",
            "{\n  \"name\": \"get_weather\",\n  \"parameters\": {\"type\": \"object\"}\n}");

    @ParameterizedTest
    @ValueSource(strings = {"qwen3", "llama3_1", "gptoss", "deepseek_v3"})
    void sameTokensAsTheNativeTokenizer(String name) {
        TokenizerFiles files = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir(name));
        String[] why = new String[1];
        JavaBpeEncoder java = JavaBpeEncoder.forTokenizer(files.tokenizerJson(), why);
        assertNotNull(java, name + ": " + why[0]);
        boolean nfc = name.equals("qwen3");
        Random random = new Random(name.hashCode());
        List<String> texts = new ArrayList<>(HARD);
        texts.addAll(FRAGMENTS);
        for (int i = 0; i < 4000; i++) {
            texts.add(randomText(random));
        }
        int compared = 0;
        try (HfTokenizer reference = HfTokenizer.fromFiles(files)) {
            for (int pass = 0; pass < 2; pass++) {
                for (String text : texts) {
                    compared += compare(name, java, reference, text, nfc);
                }
            }
        }
        assertTrue(compared > 7000, name + ": only " + compared + " texts compared");
        assertTrue(java.cachedWords() > 1000, name + ": words cached " + java.cachedWords());
    }

    /**
     * Model settings the bundled files do not exercise, each made by editing a real tokenizer.json: a merge listed
     * twice (its last rank counts), {@code ignore_merges} switched on and off, a second Split regex.
     */
    @Test
    void editedModelsStillMatchTheNativeTokenizer() {
        List<String> texts = new ArrayList<>(HARD);
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            texts.add(randomText(random));
        }
        assertSameOnEdited("qwen3", json -> {
            var merges = json.with("model").withArray("merges");
            merges.add(merges.get(0).deepCopy());
            merges.add(merges.get(5).deepCopy());
        }, texts);
        assertSameOnEdited("qwen3", json -> json.with("model").put("ignore_merges", true), texts);
        assertSameOnEdited("llama3_1", json -> json.with("model").put("ignore_merges", false), texts);
        assertSameOnEdited("llama3_1", json -> {
            var steps = json.with("pre_tokenizer").withArray("pretokenizers");
            steps.insertObject(0).put("type", "Split").put("behavior", "Isolated").put("invert", false)
                    .putObject("pattern").put("Regex", "\\p{N}{1,2}|[A-Z]+");
        }, texts);
    }

    private static void assertSameOnEdited(String name, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit,
                                           List<String> texts) {
        TokenizerFiles files = TokenizerVariants.edited(name, edit);
        String[] why = new String[1];
        JavaBpeEncoder java = JavaBpeEncoder.forTokenizer(files.tokenizerJson(), why);
        assertNotNull(java, why[0]);
        int compared = 0;
        try (HfTokenizer reference = HfTokenizer.fromFiles(files)) {
            for (String text : texts) {
                compared += compare(name + " (edited)", java, reference, text, name.equals("qwen3"));
            }
        }
        assertTrue(compared > texts.size() / 2, name + ": " + compared);
    }

    @Test
    void declinesWhatItCannotVouchFor() {
        TokenizerFiles files = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("qwen3"));
        JavaBpeEncoder java = JavaBpeEncoder.forTokenizer(files.tokenizerJson(), null);
        assertNotNull(java);
        // Not NFC: offsets would go through the normalizer's alignments.
        assertNull(java.encode("cafe\u0301"));
        // Unassigned in Java's Unicode tables: a newer table may call it a letter.
        assertNull(java.encode("a\u0378b"));
        // A lone surrogate reaches the native side as a replacement character.
        assertNull(java.encode("a\ud800b"));
        assertNotNull(java.encode("caf\u00e9"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemma3", "llama2"})
    void otherModelsAreLeftToTheNativeTokenizer(String name) {
        TokenizerFiles files = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir(name));
        String[] why = new String[1];
        assertNull(JavaBpeEncoder.forTokenizer(files.tokenizerJson(), why));
        assertNotNull(why[0]);
        assertTrue(why[0].contains("normalizer") || why[0].contains("pre_tokenizer") || why[0].contains("byte_fallback"),
                why[0]);
    }

    @Test
    void trimmedOffsetsAndMetaspaceAreRefusedByName() {
        String[] why = new String[1];
        assertNull(JavaBpeEncoder.forTokenizer(TokenizerVariants.edited("qwen3", json -> json.putObject("post_processor")
                .put("type", "ByteLevel").put("trim_offsets", true)).tokenizerJson(), why));
        assertTrue(why[0].startsWith("post_processor ByteLevel"), why[0]);
        assertNull(JavaBpeEncoder.forTokenizer(TokenizerVariants.edited("qwen3", json -> json.putObject("normalizer")
                .put("type", "NFKC")).tokenizerJson(), why));
        assertTrue(why[0].startsWith("normalizer NFKC"), why[0]);
        assertNull(JavaBpeEncoder.forTokenizer("[]".getBytes(), why));
        assertEquals("tokenizer.json is not a JSON object", why[0]);
    }

    /** 1 when the Java encoder took the text (and agreed), 0 when it declined one it had to decline. */
    private static int compare(String name, JavaBpeEncoder java, HfTokenizer reference, String text, boolean nfc) {
        EncodedPiece mine = java.encode(text);
        if (mine == null) {
            assertTrue(mustDecline(text, nfc), name + ": declined " + escape(text));
            return 0;
        }
        EncodedPiece expected = reference.encodePieces(new String[] {text}, 1)[0];
        String what = name + ": " + escape(text);
        assertArrayEquals(expected.ids(), mine.ids(), what + " ids");
        assertArrayEquals(expected.offsets(), mine.offsets(), what + " offsets");
        return 1;
    }

    private static boolean mustDecline(String text, boolean nfc) {
        if (nfc && !Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return true;
        }
        return text.codePoints().anyMatch(c -> Character.getType(c) == Character.UNASSIGNED
                || Character.getType(c) == Character.SURROGATE);
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(random.nextInt(10) == 0 ? 60 : 12);
        for (int i = 0; i < parts; i++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            } else if (kind < 8) {
                text.append(' ');
            } else if (kind < 9) {
                // Any assigned code point from the first planes, to reach categories no fragment names.
                int c;
                do {
                    c = random.nextInt(random.nextBoolean() ? 0x3000 : 0x20000);
                } while (Character.getType(c) == Character.UNASSIGNED || Character.getType(c) == Character.SURROGATE);
                text.appendCodePoint(c);
            } else {
                text.append(HARD.get(random.nextInt(HARD.size())));
            }
        }
        return text.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u{%x}", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
