package io.chatprep.mask;

import java.util.Arrays;

/**
 * Turns generation spans into a token mask and labels with transformers' exact semantics
 * ({@code apply_chat_template(..., return_assistant_tokens_mask=True)}), quirks included:
 * <ul>
 *   <li>a character maps to the <em>first</em> token whose offsets cover it;</li>
 *   <li>a span whose first character no token covers ends the walk: it and every later span are ignored;</li>
 *   <li>when no token covers a span's last character, or the first covering token is token 0, the mask runs
 *       from the span's first token to the end of the sequence;</li>
 *   <li>otherwise tokens {@code first ..= last} are masked, so a token straddling a span edge is masked whole
 *       and, when the last character is split over several byte-level tokens, only the first of them is;</li>
 *   <li>a span ending at position 0 makes transformers fail (it asks for character -1), and fails here too.</li>
 * </ul>
 * Offsets and spans are in Unicode code points.
 */
public final class AssistantMask {
    /** Label of a token that is not trained (PyTorch's cross-entropy ignore index). */
    public static final int IGNORE_INDEX = -100;

    private static final int NO_TOKEN = -1;

    private AssistantMask() {
    }

    /**
     * @param offsets code-point offsets, two per token (see {@code Encoding})
     * @param spans   {@code [start, end)} code-point spans of the generation blocks, in render order
     * @return one byte per token, 1 where trained
     */
    public static byte[] fromSpans(int[] offsets, int[][] spans) {
        int tokens = offsets.length / 2;
        byte[] mask = new byte[tokens];
        if (spans.length == 0) {
            return mask;
        }
        // Offsets almost always run forward; then a binary search answers a lookup without a per-character table.
        int[] firstToken = runsForward(offsets) ? null : firstTokenByChar(offsets);
        for (int[] span : spans) {
            int start = span[0];
            int end = span[1];
            if (end <= 0) {
                throw new IllegalArgumentException("generation span [" + start + ", " + end
                        + ") ends at position 0; transformers fails on it (it looks up character -1)");
            }
            int startToken = firstToken == null ? firstCovering(offsets, start) : tokenAt(firstToken, start);
            int endToken = firstToken == null ? firstCovering(offsets, end - 1) : tokenAt(firstToken, end - 1);
            if (startToken == NO_TOKEN) {
                break;
            }
            int stop = endToken == NO_TOKEN || endToken == 0 ? tokens : endToken + 1;
            if (startToken < stop) {
                Arrays.fill(mask, startToken, stop, (byte) 1);
            }
        }
        return mask;
    }

    /** {@code labels[i] = ids[i]} where the mask is 1, else {@value #IGNORE_INDEX}; not shifted. */
    public static int[] labels(int[] ids, byte[] mask) {
        if (ids.length != mask.length) {
            throw new IllegalArgumentException("ids and mask differ in length: " + ids.length + " vs " + mask.length);
        }
        int[] labels = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            labels[i] = mask[i] != 0 ? ids[i] : IGNORE_INDEX;
        }
        return labels;
    }

    /** Number of trained tokens. */
    public static int count(byte[] mask) {
        int n = 0;
        for (byte b : mask) {
            n += b;
        }
        return n;
    }

    /**
     * For every character position, the first token covering it (or {@link #NO_TOKEN}). One pass over the
     * offsets answers every span lookup exactly, even when offsets are not monotonic.
     */
    private static int[] firstTokenByChar(int[] offsets) {
        int length = 0;
        for (int i = 1; i < offsets.length; i += 2) {
            length = Math.max(length, offsets[i]);
        }
        int[] first = new int[length];
        Arrays.fill(first, NO_TOKEN);
        for (int t = 0, n = offsets.length / 2; t < n; t++) {
            for (int c = offsets[2 * t], e = offsets[2 * t + 1]; c < e; c++) {
                if (first[c] == NO_TOKEN) {
                    first[c] = t;
                }
            }
        }
        return first;
    }

    /** Whether token starts and ends both never decrease. */
    private static boolean runsForward(int[] offsets) {
        for (int i = 2; i < offsets.length; i += 2) {
            if (offsets[i] < offsets[i - 2] || offsets[i + 1] < offsets[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first token covering {@code position} when offsets run forward: tokens before the first one ending
     * after it end too early, and if that one starts after it, every later one does too.
     */
    private static int firstCovering(int[] offsets, int position) {
        if (position < 0) {
            return NO_TOKEN;
        }
        int lo = 0;
        int hi = offsets.length / 2;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (offsets[2 * mid + 1] > position) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < offsets.length / 2 && offsets[2 * lo] <= position ? lo : NO_TOKEN;
    }

    private static int tokenAt(int[] firstToken, int position) {
        return position >= 0 && position < firstToken.length ? firstToken[position] : NO_TOKEN;
    }
}
