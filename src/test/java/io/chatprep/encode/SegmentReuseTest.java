package io.chatprep.encode;

import io.chatprep.mask.MaskPolicy;
import io.chatprep.tokenize.Encoding;
import io.chatprep.tokenize.segment.SegmentEncoder;
import io.chatprep.tokenize.TokenGoldens;
import io.chatprep.tokenize.TokenizerFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Segment reuse changes nothing: every bundled tokenizer with its family's training template, over the real and
 * hand-written conversations in the repository, gives the same tokens, offsets and masks (or the same rejection)
 * with reuse on (pieces in Java for byte-level BPE, natively otherwise) as with every text encoded whole.
 */
@Tag("corpus")
class SegmentReuseTest {
    private static final Path EXAMPLE_DATA = Path.of("src", "example", "data");

    @ParameterizedTest
    @ValueSource(strings = {"qwen3", "llama3_1", "gemma3", "gptoss", "deepseek_v3", "llama2"})
    void reuseOnEqualsReuseOff(String tokenizer) {
        List<Map<String, Object>> rows = corpus();
        try (ConversationEncoder reuse = open(tokenizer, true);
             ConversationEncoder whole = open(tokenizer, false)) {
            SegmentEncoder segments = reuse.segmentEncoder();
            assertTrue(segments.reuses(), tokenizer + ": " + segments.disabledReason());
            // Byte-level BPE pieces are encoded in Java; the others go to the native tokenizer.
            assertEquals(!tokenizer.equals("gemma3") && !tokenizer.equals("llama2"), segments.encodesInJava(), tokenizer);
            assertNull(whole.segmentEncoder());
            int encoded = 0;
            // The second pass takes most pieces from the cache the first one filled.
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < rows.size(); i++) {
                    encoded += compare(tokenizer + " row " + i, reuse, whole, rows.get(i));
                }
            }
            assertTrue(encoded >= 2 * 300, tokenizer + ": only " + encoded + " rows encoded");
            assertEquals(0, segments.wholeTexts(), tokenizer + ": texts the splitter declined");
            // Pieces really came from the cache (how many depends on the template's added tokens).
            assertTrue(segments.cacheHits() > rows.size() / 2, tokenizer + ": hits " + segments.cacheHits()
                    + ", misses " + segments.cacheMisses());
        }
    }

    @Test
    void oneEncoderSharedByThreads() throws Exception {
        List<Map<String, Object>> rows = corpus();
        try (ConversationEncoder reuse = open("qwen3", true);
             ConversationEncoder whole = open("qwen3", false)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, new Random(t));
                    done.add(pool.submit(() -> {
                        int n = 0;
                        for (int i : order) {
                            n += compare("row " + i, reuse, whole, rows.get(i));
                        }
                        return n;
                    }));
                }
                for (Future<Integer> f : done) {
                    assertTrue(f.get() > 300);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void clearingTheCacheForgetsPiecesAndChangesNoResult() {
        List<Map<String, Object>> rows = corpus().subList(0, 60);
        try (ConversationEncoder reuse = open("qwen3", true);
             ConversationEncoder whole = open("qwen3", false)) {
            for (int i = 0; i < rows.size(); i++) {
                compare("row " + i, reuse, whole, rows.get(i));
            }
            assertTrue(reuse.segmentEncoder().cachedPieces() > 0);
            reuse.segmentEncoder().clearCache();
            assertEquals(0, reuse.segmentEncoder().cachedPieces());
            assertEquals(0, reuse.segmentEncoder().cacheHits());
            for (int i = 0; i < rows.size(); i++) {
                compare("row " + i + " after clearing", reuse, whole, rows.get(i));
            }
        }
    }

    @Test
    void reuseIsOnUnlessSwitchedOff() {
        assertTrue(EncoderOptions.defaults().reuseSegments());
        assertTrue(new EncoderOptions(MaskPolicy.ASSISTANT, null, Map.of()).reuseSegments());
        assertTrue(new EncoderOptions(MaskPolicy.ASSISTANT, null, Map.of(), true).reuseSegments());
        EncoderOptions off = EncoderOptions.defaults().withReuseSegments(false);
        assertFalse(off.reuseSegments());
        assertFalse(off.withDeriveMasks(true).reuseSegments());
        assertTrue(EncoderOptions.defaults().javaBpe());
        assertFalse(EncoderOptions.defaults().withJavaBpe(false).javaBpe());
        assertFalse(EncoderOptions.defaults().withJavaBpe(false).withReuseSegments(true).withDeriveMasks(true).javaBpe());
    }

    @Test
    void nativePiecesEqualWholeTexts() {
        List<Map<String, Object>> rows = corpus();
        try (ConversationEncoder nativePieces = ConversationEncoder.open(new EncoderSpec(
                EncoderFixtures.read(EncoderFixtures.templateFor("qwen3")),
                TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("qwen3")),
                new EncoderOptions(MaskPolicy.ASSISTANT, TokenGoldens.FIXED_NOW, Map.of()).withJavaBpe(false)));
             ConversationEncoder whole = open("qwen3", false)) {
            assertFalse(nativePieces.segmentEncoder().encodesInJava());
            int encoded = 0;
            for (int i = 0; i < rows.size(); i++) {
                encoded += compare("qwen3 native row " + i, nativePieces, whole, rows.get(i));
            }
            assertTrue(encoded >= 300);
            assertTrue(nativePieces.segmentEncoder().nativePieces() > 0);
        }
    }

    @Test
    void anEncoderSaysHowItTokenizesAsTheDriverDoesWithoutOne() {
        EncoderOptions base = new EncoderOptions(MaskPolicy.ASSISTANT, TokenGoldens.FIXED_NOW, Map.of());
        for (EncoderOptions options : List.of(base, base.withJavaBpe(false), base.withReuseSegments(false))) {
            EncoderSpec spec = new EncoderSpec(EncoderFixtures.read(EncoderFixtures.templateFor("qwen3")),
                    TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("qwen3")), options);
            try (ConversationEncoder encoder = ConversationEncoder.open(spec)) {
                assertEquals(ConversationEncoder.describeTokenization(spec), encoder.tokenization());
                assertEquals(options.reuseSegments() && options.javaBpe(),
                        encoder.segmentEncoder() != null && encoder.segmentEncoder().encodesInJava());
                assertEquals(options.reuseSegments() && options.javaBpe(),
                        encoder.tokenization().startsWith("text between added tokens encoded in Java"),
                        encoder.tokenization());
            }
        }
    }

    /** 1 when both encoders produced a row (compared), 0 when both rejected it the same way. */
    private static int compare(String what, ConversationEncoder reuse, ConversationEncoder whole, Map<String, Object> row) {
        EncodedConversation expected;
        try {
            expected = whole.inspect(row);
        } catch (RowRejectedException e) {
            RowRejectedException got = null;
            try {
                reuse.inspect(row);
            } catch (RowRejectedException r) {
                got = r;
            }
            assertTrue(got != null, what + ": whole-text encoding rejected the row, reuse did not");
            assertEquals(e.stage() + ": " + e.reason(), got.stage() + ": " + got.reason(), what);
            return 0;
        }
        EncodedConversation actual;
        try {
            actual = reuse.inspect(row);
        } catch (RowRejectedException e) {
            throw new AssertionError(what + ": rejected with reuse only: " + e.reason(), e);
        }
        Encoding a = actual.encoding();
        Encoding b = expected.encoding();
        assertArrayEquals(b.ids(), a.ids(), what + ": ids");
        assertArrayEquals(b.offsets(), a.offsets(), what + ": offsets");
        assertArrayEquals(expected.mask(), actual.mask(), what + ": mask");
        assertArrayEquals(expected.toRow().labels(), actual.toRow().labels(), what + ": labels");
        return 1;
    }

    private static ConversationEncoder open(String tokenizer, boolean reuse) {
        return ConversationEncoder.open(new EncoderSpec(EncoderFixtures.read(EncoderFixtures.templateFor(tokenizer)),
                TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir(tokenizer)),
                new EncoderOptions(MaskPolicy.ASSISTANT, TokenGoldens.FIXED_NOW, Map.of()).withReuseSegments(reuse)));
    }

    /** The test conversations and the bundled example's real rows, reduced to what the encoder reads. */
    private static List<Map<String, Object>> corpus() {
        List<Map<String, Object>> rows = new ArrayList<>(EncoderFixtures.rows("varied.jsonl", "real_sample.jsonl",
                "mask_quirks.jsonl"));
        try (Stream<Path> files = Files.list(EXAMPLE_DATA)) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Map<String, Object> row = RowJson.parseRow(line);
                    Map<String, Object> kept = new LinkedHashMap<>();
                    for (String key : List.of("messages", "tools", "chat_template_kwargs")) {
                        if (row.containsKey(key)) {
                            kept.put(key, row.get(key));
                        }
                    }
                    rows.add(kept);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
