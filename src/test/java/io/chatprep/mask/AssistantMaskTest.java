package io.chatprep.mask;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatprep.tokenize.Encoding;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.TokenGoldens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule of REFERENCE.md §3 on hand-built offsets (expected values follow from the rule), then on the
 * real case from the Python goldens that shows it.
 */
class AssistantMaskTest {
    private static HfTokenizer qwen3;

    @BeforeAll
    static void load() {
        qwen3 = HfTokenizer.load(TokenGoldens.tokenizerDir("qwen3"));
    }

    @AfterAll
    static void close() {
        qwen3.close();
    }

    /** Tokens of width 2 over "aabbccddee": token i covers [2i, 2i+2). */
    private static final int[] EVEN = {0, 2, 2, 4, 4, 6, 6, 8, 8, 10};

    @Test
    void spanCoveringWholeTokensMasksExactlyThem() {
        assertArrayEquals(new byte[] {0, 1, 1, 0, 0}, AssistantMask.fromSpans(EVEN, new int[][] {{2, 6}}));
    }

    @Test
    void tokenStraddlingEitherEdgeIsMaskedWhole() {
        // [3, 7) starts inside token 1 and ends inside token 3.
        assertArrayEquals(new byte[] {0, 1, 1, 1, 0}, AssistantMask.fromSpans(EVEN, new int[][] {{3, 7}}));
    }

    @Test
    void lastCharacterSplitOverByteTokensMasksOnlyTheFirstOfThem() {
        // Character 2 is split over tokens 2, 3 and 4 (byte-level pieces of one code point).
        int[] offsets = {0, 1, 1, 2, 2, 3, 2, 3, 2, 3, 3, 4};
        assertArrayEquals(new byte[] {0, 1, 1, 0, 0, 0}, AssistantMask.fromSpans(offsets, new int[][] {{1, 3}}));
    }

    @Test
    void firstCoveringTokenWinsWhenOffsetsOverlap() {
        // Tokens 1 and 2 both cover character 2; the span's last character maps to token 1.
        int[] offsets = {0, 1, 1, 3, 2, 3, 3, 4};
        assertArrayEquals(new byte[] {1, 1, 0, 0}, AssistantMask.fromSpans(offsets, new int[][] {{0, 3}}));
    }

    /**
     * Forward-running offsets are looked up by binary search, others through a per-character table; both must
     * give what a plain scan for the first covering token gives, on random offsets of either kind.
     */
    @Test
    void lookupsAgreeWithAPlainScanOnRandomOffsets() {
        java.util.Random r = new java.util.Random(11);
        for (int round = 0; round < 3_000; round++) {
            int tokens = 1 + r.nextInt(12);
            int[] offsets = new int[2 * tokens];
            int at = r.nextInt(2);
            boolean forward = r.nextBoolean();
            for (int t = 0; t < tokens; t++) {
                int start = forward ? at : r.nextInt(10);
                int end = start + r.nextInt(3);
                offsets[2 * t] = start;
                offsets[2 * t + 1] = end;
                at = forward ? start + r.nextInt(3) : at;
                if (forward && at > end) {
                    at = end;
                }
            }
            int[][] spans = new int[1 + r.nextInt(3)][];
            for (int i = 0; i < spans.length; i++) {
                int start = r.nextInt(12);
                spans[i] = new int[] {start, Math.max(1, start + r.nextInt(5))};
            }
            assertArrayEquals(byPlainScan(offsets, spans), AssistantMask.fromSpans(offsets, spans),
                    java.util.Arrays.toString(offsets) + " " + java.util.Arrays.deepToString(spans));
        }
    }

    /** transformers' rules, with each character's first covering token found by scanning all tokens. */
    private static byte[] byPlainScan(int[] offsets, int[][] spans) {
        int tokens = offsets.length / 2;
        byte[] mask = new byte[tokens];
        for (int[] span : spans) {
            int first = -1;
            int last = -1;
            for (int t = tokens - 1; t >= 0; t--) {
                if (offsets[2 * t] <= span[0] && span[0] < offsets[2 * t + 1]) {
                    first = t;
                }
                if (offsets[2 * t] <= span[1] - 1 && span[1] - 1 < offsets[2 * t + 1]) {
                    last = t;
                }
            }
            if (first < 0) {
                break;
            }
            int stop = last <= 0 ? tokens : last + 1;
            for (int t = first; t < stop; t++) {
                mask[t] = 1;
            }
        }
        return mask;
    }

    @Test
    void uncoveredStartStopsThisAndEveryLaterSpan() {
        // Character 4 is covered by no token; the span starting there and the one after it are ignored.
        int[] offsets = {0, 2, 2, 4, 5, 7, 7, 9};
        byte[] mask = AssistantMask.fromSpans(offsets, new int[][] {{2, 4}, {4, 5}, {7, 9}});
        assertArrayEquals(new byte[] {0, 1, 0, 0}, mask);
    }

    @Test
    void uncoveredEndMasksToTheEndOfTheSequence() {
        // Character 4 (the span's last) is covered by no token: from the start token to the end.
        int[] offsets = {0, 2, 2, 4, 5, 7, 7, 9};
        assertArrayEquals(new byte[] {0, 1, 1, 1}, AssistantMask.fromSpans(offsets, new int[][] {{2, 5}}));
    }

    @Test
    void endInTokenZeroMasksToTheEndOfTheSequence() {
        assertArrayEquals(new byte[] {1, 1, 1, 1, 1}, AssistantMask.fromSpans(EVEN, new int[][] {{0, 2}}));
    }

    @Test
    void emptySpanMasksNothingUnlessATokenStraddlesIt() {
        assertArrayEquals(new byte[5], AssistantMask.fromSpans(EVEN, new int[][] {{4, 4}}));
        // Inside token 2: start and end map to token 2, which is masked.
        assertArrayEquals(new byte[] {0, 0, 1, 0, 0}, AssistantMask.fromSpans(EVEN, new int[][] {{5, 5}}));
    }

    @Test
    void spanEndingAtZeroFailsAsTransformersDoes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AssistantMask.fromSpans(EVEN, new int[][] {{0, 0}}));
        assertTrue(e.getMessage().contains("position 0"), e.getMessage());
    }

    @Test
    void noSpansGiveAnAllZeroMask() {
        assertArrayEquals(new byte[5], AssistantMask.fromSpans(EVEN, new int[0][]));
    }

    @Test
    void labelsCopyIdsWhereTrainedElseIgnoreIndex() {
        assertArrayEquals(new int[] {-100, 11, -100}, AssistantMask.labels(new int[] {10, 11, 12}, new byte[] {0, 1, 0}));
        assertThrows(IllegalArgumentException.class, () -> AssistantMask.labels(new int[2], new byte[3]));
        assertEquals(2, AssistantMask.count(new byte[] {1, 0, 1}));
    }

    // Real cases: the Python reference's masks for Qwen3 (quirks_qwen3 goldens, template content_marked.jinja).

    @Test
    void realSplitLastCharacter() {
        Case c = realCase("split_last_char");
        // "A flamingo 🦩": the emoji is three byte-level tokens; the first of them is " 🦩"'s leading piece.
        int last = c.lastTrained();
        assertEquals("A flamingo \uD83E\uDDA9", c.spanText(0));
        assertEquals(c.offsets[2 * last + 1], c.offsets[2 * (last + 1) + 1], "the next token covers the same character");
        assertEquals(0, c.mask[last + 1]);
        c.assertMatchesReference();
    }

    @Test
    void realEndInTokenZero() {
        Case c = realCase("first_token_is_span_end");
        assertEquals(0, c.spans[0][0]);
        assertEquals(c.mask.length, AssistantMask.count(c.mask), "the whole sequence is masked");
        c.assertMatchesReference();
    }

    @Test
    void realStraddlingStart() {
        Case c = realCase("straddling_start");
        int first = c.firstTrained();
        assertTrue(c.offsets[2 * first] < c.spans[0][0], "the first trained token starts before the span");
        c.assertMatchesReference();
    }

    @Test
    void realEmptySpan() {
        Case c = realCase("empty_span_middle");
        assertEquals(c.spans[0][0], c.spans[0][1]);
        assertEquals("Yes.", c.text.substring(c.text.offsetByCodePoints(0, c.spans[1][0]),
                c.text.offsetByCodePoints(0, c.spans[1][1])));
        assertEquals(2, AssistantMask.count(c.mask), "only the second span's tokens");
        c.assertMatchesReference();
    }

    @Test
    void realUncoveredStart() {
        Case c = realCase("uncovered_start_stops");
        assertEquals(c.text.codePointCount(0, c.text.length()), c.spans[1][0], "the last span starts at the end");
        c.assertMatchesReference();
    }

    private static Case realCase(String name) {
        return new Case(TokenGoldens.row("quirks_qwen3", name));
    }

    private static final class Case {
        final JsonNode row;
        final String text;
        final int[][] spans;
        final int[] offsets;
        final byte[] mask;

        Case(JsonNode row) {
            this.row = row;
            this.text = row.get("text").asText();
            this.spans = TokenGoldens.spans(row.get("spans"));
            Encoding encoding = qwen3.encode(text);
            this.offsets = encoding.offsets();
            this.mask = AssistantMask.fromSpans(offsets, spans);
        }

        String spanText(int i) {
            return text.substring(text.offsetByCodePoints(0, spans[i][0]), text.offsetByCodePoints(0, spans[i][1]));
        }

        int firstTrained() {
            for (int i = 0; i < mask.length; i++) {
                if (mask[i] == 1) {
                    return i;
                }
            }
            return -1;
        }

        int lastTrained() {
            for (int i = mask.length - 1; i >= 0; i--) {
                if (mask[i] == 1) {
                    return i;
                }
            }
            return -1;
        }

        void assertMatchesReference() {
            assertArrayEquals(TokenGoldens.bytes(row.get("assistant_masks")), mask);
        }
    }
}
