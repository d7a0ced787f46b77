package io.chatprep.verify;

import io.chatprep.corpus.Conversation;
import io.chatprep.corpus.ConversationRenderer;
import io.chatprep.corpus.Rendering;
import io.chatprep.mask.DerivedSpans;
import io.chatprep.mask.NotPrefixStableException;
import io.chatprep.template.ChatTemplate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far {@code --derive-masks} serves a template without markers: on which training renderings of a corpus (no
 * generation prompt, every variant the template reads) prefix rendering finds the assistant spans, and, given the
 * same template with markers, whether the derived spans are exactly the marked ones there.
 *
 * @param cases  renderings with an assistant turn that the template renders
 * @param stable of those, the ones the template is prefix-stable on (derive-masks serves them; others are refused)
 * @param equal  of the stable ones, those whose text and trained characters equal the marked template's
 * @param differ stable ones where they do not (0 without a marked template to compare with)
 * @param firstDifference where the first of those is, or null
 */
public record DeriveMasksCoverage(int cases, int stable, int equal, int differ, String firstDifference) {

    /** Prefix stability only: no marked template to compare with. */
    public static DeriveMasksCoverage of(String unmarked, Map<String, ?> specialTokens, List<Conversation> corpus,
                                         boolean textContentAsParts) {
        return of(unmarked, null, specialTokens, corpus, textContentAsParts);
    }

    /** @param marked the same template with generation markers, or null */
    public static DeriveMasksCoverage of(String unmarked, String marked, Map<String, ?> specialTokens,
                                         List<Conversation> corpus, boolean textContentAsParts) {
        ConversationRenderer original = new ConversationRenderer(ChatTemplate.compile(unmarked), specialTokens);
        ConversationRenderer training = marked == null ? null
                : new ConversationRenderer(ChatTemplate.compile(marked), specialTokens);
        List<Map<String, Object>> variants = TemplateVerifier.kwargVariants(unmarked);
        int cases = 0;
        int stable = 0;
        int equal = 0;
        String first = null;
        for (Conversation given : corpus) {
            Conversation conv = textContentAsParts ? given.withTextParts() : given;
            if (conv.assistantIndices().isEmpty()) {
                continue;
            }
            for (Map<String, Object> variant : variants) {
                Map<String, Object> kwargs = new LinkedHashMap<>(conv.kwargs());
                kwargs.putAll(variant);
                Rendering full = original.render(conv, -1, false, kwargs);
                if (!full.ok()) {
                    continue;
                }
                cases++;
                int[][] derived;
                try {
                    derived = DerivedSpans.derive(conv.messages(), full.text(), (cut, prompt) -> {
                        Rendering r = original.renderNow(cut, conv.tools(), prompt, kwargs);
                        if (!r.ok()) {
                            throw new IllegalStateException(r.error());
                        }
                        return r.text();
                    });
                } catch (NotPrefixStableException e) {
                    continue;
                }
                stable++;
                if (training == null) {
                    continue;
                }
                String difference = difference(full, derived, training.render(conv, -1, false, kwargs));
                if (difference == null) {
                    equal++;
                } else if (first == null) {
                    first = conv.name() + (kwargs.isEmpty() ? "" : " " + kwargs) + ": " + difference;
                }
            }
        }
        return new DeriveMasksCoverage(cases, stable, equal, training == null ? 0 : stable - equal, first);
    }

    /** Why the derived spans (code points) are not the marked template's, or null when they are. */
    private static String difference(Rendering full, int[][] derived, Rendering marked) {
        if (!marked.ok() || !marked.text().equals(full.text())) {
            return "the marked template renders another text";
        }
        String text = full.text();
        Set<Integer> derivedChars = covered(ConversationRenderer.toCharSpans(text, derived));
        Set<Integer> trainedChars = covered(marked.spans());
        if (derivedChars.equals(trainedChars)) {
            return null;
        }
        Set<Integer> extra = new HashSet<>(derivedChars);
        extra.removeAll(trainedChars);
        Set<Integer> missing = new HashSet<>(trainedChars);
        missing.removeAll(derivedChars);
        boolean isExtra = !extra.isEmpty();
        int at = (isExtra ? extra : missing).stream().mapToInt(Integer::intValue).min().orElse(0);
        return (isExtra ? "derived but not trained" : "trained but not derived") + " from char " + at;
    }

    private static Set<Integer> covered(int[][] spans) {
        Set<Integer> chars = new HashSet<>();
        for (int[] s : spans) {
            for (int i = s[0]; i < s[1]; i++) {
                chars.add(i);
            }
        }
        return chars;
    }

    /** Every case the template renders is prefix-stable. */
    public boolean servesAll() {
        return cases > 0 && stable == cases;
    }

    /** One line for people: how much of the corpus derive-masks would serve. */
    public String summary() {
        if (cases == 0) {
            return "the template renders no conversation of the corpus with an assistant turn: nothing to derive";
        }
        if (stable == 0) {
            return "would not serve it: the template is prefix-stable on none of the " + cases + " corpus renderings "
                    + "with an assistant turn (every row would be quarantined)";
        }
        return (stable == cases ? "would serve it: " : "would serve it in part: ") + "the template is prefix-stable on "
                + stable + " of " + cases + " corpus renderings with an assistant turn"
                + (stable == cases ? "" : " (rows like the other " + (cases - stable) + " would be quarantined)");
    }
}
