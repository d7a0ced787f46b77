package io.chatprep.tokenize.segment;

import io.chatprep.tokenize.EncodedPiece;
import io.chatprep.tokenize.TokenGoldens;
import io.chatprep.tokenize.TokenizerFiles;
import io.chatprep.tokenize.TokenizerVariants;
import io.chatprep.tokenize.bpe.JavaBpeEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One pass over tokenizer.json gives what the separate readers gave: the same rules, Java model and account. */
class SegmentModelTest {
    @ParameterizedTest
    @ValueSource(strings = {"qwen3", "llama3_1", "gemma3", "gptoss", "deepseek_v3", "llama2"})
    void onePassGivesTheRulesAndModelTheSeparateReadersGive(String name) {
        byte[] json = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir(name)).tokenizerJson();
        SegmentRules alone = SegmentRules.of(json);
        String[] why = new String[1];
        JavaBpeEncoder javaAlone = JavaBpeEncoder.forTokenizer(json, why);
        for (boolean javaBpe : new boolean[]{true, false}) {
            SegmentModel model = SegmentModel.read(json, javaBpe);
            assertEquals(alone.tokens(), model.rules().tokens(), name);
            assertEquals(alone.normalizerIsIdentity(), model.rules().normalizerIsIdentity(), name);
            assertEquals(alone.unsafeReason(), model.rules().unsafeReason(), name);
            assertEquals(javaBpe && javaAlone != null, model.java() != null, name + " java_bpe " + javaBpe);
            // A driver that never builds the model says the same as the encoder that did.
            assertEquals(SegmentModel.describe(json, javaBpe), model.description(), name + " java_bpe " + javaBpe);
        }
        String described = SegmentModel.read(json, true).description();
        if (alone.unsafeReason() != null) {
            assertTrue(described.startsWith("native tokenizer, every text whole ("), described);
        } else if (javaAlone == null) {
            assertEquals("native tokenizer (" + why[0] + ")", described);
        } else {
            assertTrue(described.startsWith("text between added tokens encoded in Java"), described);
        }
    }

    @Test
    void theModelEncodesAsTheSeparatelyLoadedOne() {
        byte[] json = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("qwen3")).tokenizerJson();
        JavaBpeEncoder alone = JavaBpeEncoder.forTokenizer(json, null);
        JavaBpeEncoder fromModel = SegmentModel.read(json, true).java();
        for (String text : new String[]{"Hello, world!", "  def f(x):\n\treturn x ** 2", "数据 123456 café"}) {
            EncodedPiece a = alone.encode(text);
            EncodedPiece b = fromModel.encode(text);
            assertEquals(java.util.Arrays.toString(a.ids()), java.util.Arrays.toString(b.ids()), text);
            assertEquals(java.util.Arrays.toString(a.offsets()), java.util.Arrays.toString(b.offsets()), text);
        }
    }

    @Test
    void aVocabularyTheJavaReaderRefusesLeavesTheRulesAndNamesTheReason() {
        TokenizerFiles broken = TokenizerVariants.edited("qwen3",
                root -> ((com.fasterxml.jackson.databind.node.ArrayNode) root.path("model").path("merges")).insert(0, 7));
        SegmentModel model = SegmentModel.read(broken.tokenizerJson(), true);
        assertNull(model.java());
        assertEquals(SegmentRules.of(broken.tokenizerJson()).tokens(), model.rules().tokens());
        String[] why = new String[1];
        assertNull(JavaBpeEncoder.forTokenizer(broken.tokenizerJson(), why));
        assertNotNull(why[0]);
        assertEquals("native tokenizer (" + why[0] + ")", model.description());
    }

    @Test
    void aFileThatIsNotJsonFailsWithItsName() {
        byte[] notJson = "{\"added_tokens\": [".getBytes(StandardCharsets.UTF_8);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SegmentModel.read(notJson, true));
        assertTrue(e.getMessage().contains("tokenizer.json"), e.getMessage());
        assertThrows(UncheckedIOException.class, () -> SegmentModel.describe(notJson, false));
    }
}
