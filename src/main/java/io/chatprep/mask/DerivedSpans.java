package io.chatprep.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assistant spans for a template without generation markers, found by incremental prefix rendering: the turn of
 * assistant message i is what {@code messages[:i+1]} adds after {@code messages[:i]} rendered with the generation
 * prompt. This only holds when each of those renderings is a prefix of the next and of the whole conversation;
 * otherwise the template rewrites earlier text once later messages follow, and no span can be trusted.
 */
public final class DerivedSpans {
    /** Renders a cut of the conversation; any failure propagates. */
    @FunctionalInterface
    public interface Renderer {
        String render(List<Object> messages, boolean addGenerationPrompt) throws Exception;
    }

    private DerivedSpans() {
    }

    /**
     * @param fullText the whole conversation as rendered for training
     * @return {@code [start, end)} spans in code points, one per assistant turn that adds text
     */
    public static int[][] derive(List<Object> messages, String fullText, Renderer renderer) throws NotPrefixStableException {
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (!(messages.get(i) instanceof Map<?, ?> m) || !"assistant".equals(m.get("role"))) {
                continue;
            }
            String prompt = render(renderer, messages.subList(0, i), true, i);
            String upto = render(renderer, messages.subList(0, i + 1), false, i);
            if (!upto.startsWith(prompt)) {
                throw new NotPrefixStableException(i, "messages[:" + i + "] with the generation prompt is not a prefix of "
                        + "messages[:" + (i + 1) + "] (they part at char " + commonPrefix(prompt, upto) + ")");
            }
            if (!fullText.startsWith(upto)) {
                throw new NotPrefixStableException(i, "messages[:" + (i + 1) + "] is not a prefix of the whole "
                        + "conversation (they part at char " + commonPrefix(upto, fullText)
                        + "): the template renders this turn differently once later messages follow");
            }
            int start = prompt.codePointCount(0, prompt.length());
            int end = upto.codePointCount(0, upto.length());
            if (end > start) {
                spans.add(new int[] {start, end});
            }
        }
        return spans.toArray(new int[0][]);
    }

    private static String render(Renderer renderer, List<Object> messages, boolean agp, int turn)
            throws NotPrefixStableException {
        try {
            return renderer.render(messages, agp);
        } catch (Exception e) {
            throw new NotPrefixStableException(turn, "messages[:" + messages.size() + "] cannot be rendered alone ("
                    + e.getMessage() + ")");
        }
    }

    /** Length of the longest common prefix of two strings (UTF-16 units): where two renderings part. */
    public static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
