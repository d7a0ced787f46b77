package io.chatprep.mask;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code final-channel} policy for GPT-OSS (harmony format): from each generation span keep only the
 * messages on the {@code final} channel, each with its end token; analysis (reasoning) and commentary
 * (tool call) messages inside the same span are not trained.
 *
 * <p>A final message is found from the rendered text within a span: it is marked by
 * {@code <|channel|>final<|message|>}; it starts at the last {@code <|start|>} before that marker inside
 * the span (the span's start if there is none, when the template leaves the role header outside the span)
 * and ends after the first end token ({@code <|return|>}, {@code <|end|>}, {@code <|call|>}) after the
 * marker, or at the span's end. The resulting spans go through the same rules as every other mask.
 */
public final class FinalChannelSpans {
    static final String FINAL_MARKER = "<|channel|>final<|message|>";
    static final String MESSAGE_START = "<|start|>";
    private static final String[] END_TOKENS = {"<|return|>", "<|end|>", "<|call|>"};

    private FinalChannelSpans() {
    }

    /**
     * @param text  the rendered text
     * @param spans generation spans in code points
     * @return the final-channel parts of the spans, in code points and render order
     */
    public static int[][] of(String text, int[][] spans) {
        List<int[]> result = new ArrayList<>();
        for (int[] span : spans) {
            int from = text.offsetByCodePoints(0, span[0]);
            int to = text.offsetByCodePoints(from, span[1] - span[0]);
            int search = from;
            while (true) {
                int marker = text.indexOf(FINAL_MARKER, search);
                if (marker < 0 || marker + FINAL_MARKER.length() > to) {
                    break;
                }
                int start = text.lastIndexOf(MESSAGE_START, marker);
                if (start < from) {
                    start = from;
                }
                int end = firstEnd(text, marker + FINAL_MARKER.length(), to);
                result.add(new int[] {span[0] + text.codePointCount(from, start),
                        span[0] + text.codePointCount(from, end)});
                search = end;
            }
        }
        return result.toArray(new int[0][]);
    }

    private static int firstEnd(String text, int from, int limit) {
        int best = limit;
        for (String token : END_TOKENS) {
            int at = text.indexOf(token, from);
            if (at >= 0 && at + token.length() <= best) {
                best = at + token.length();
            }
        }
        return best;
    }
}
