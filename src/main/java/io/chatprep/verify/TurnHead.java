package io.chatprep.verify;

import io.chatprep.mask.DerivedSpans;

/**
 * Where the text before an assistant turn ends in a rendering: {@code messages[:i]} as rendered without a
 * generation prompt. A template that renders its generation prompt whether or not it is asked for (Apriel 1.6
 * appends '...Here are my reasoning steps:\n' after every final user message) puts that prompt into
 * {@code messages[:i]} too, though the rendered turn does not repeat it; then only the whole tags of it the turn
 * repeats count, and the rest is that unasked prompt.
 *
 * @param length where the text before the turn ends
 * @param forced the generation prompt rendered there unasked ("" for templates that render it only when asked)
 */
record TurnHead(int length, String forced) {

    /**
     * @param before messages[:i] without a generation prompt
     * @param prompt messages[:i] with it
     * @param text   the whole conversation
     */
    static TurnHead of(String before, String prompt, String text) {
        int n = DerivedSpans.commonPrefix(before, text);
        if (n < before.length() && before.equals(prompt)) {
            while (n > 0 && !TurnLocator.TAG_END.matcher(text).region(0, n).find()) {
                n--;
            }
            return new TurnHead(n, before.substring(n));
        }
        return new TurnHead(n, "");
    }
}
