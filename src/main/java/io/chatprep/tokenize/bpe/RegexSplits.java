package io.chatprep.tokenize.bpe;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chain of {@code Split} pre-tokenizers with behaviour {@code Isolated}: each pattern cuts every piece the
 * previous one left into its matches and the text between them, empty pieces dropped.
 *
 * <p>Patterns are compiled with {@link Pattern#UNICODE_CHARACTER_CLASS} so {@code \s} is White_Space and
 * {@code (?i)} folds case by Unicode, as Oniguruma (tokenizers-rs' regex engine) does. Each piece is matched
 * on its own, with opaque bounds, so a lookahead cannot see past it, as when tokenizers-rs matches a slice.
 * The Qwen / Llama 3 pattern is matched by {@link Cl100kSplit} instead, with the same matches.
 */
final class RegexSplits {
    private final Pattern[] patterns;
    /** Per pattern, its hand-written matcher, or null. */
    private final Cl100kSplit[] byHand;

    RegexSplits(List<String> regexes) {
        this(regexes, true);
    }

    /** With {@code byHand} false every pattern goes through {@code java.util.regex} (tests compare the two). */
    RegexSplits(List<String> regexes, boolean byHand) {
        this.patterns = regexes.stream()
                .map(r -> Pattern.compile(r, Pattern.UNICODE_CHARACTER_CLASS))
                .toArray(Pattern[]::new);
        this.byHand = regexes.stream().map(r -> byHand ? Cl100kSplit.forRegex(r) : null)
                .toArray(Cl100kSplit[]::new);
    }

    /**
     * The words of {@code text}, as UTF-16 boundaries: word i spans {@code [bounds[i], bounds[i + 1])}.
     * Returns the number of words; {@code bounds} holds one more entry than that.
     */
    int split(String text, Bounds bounds) {
        bounds.clear();
        bounds.add(0);
        bounds.add(text.length());
        for (int p = 0; p < patterns.length; p++) {
            int[] previous = bounds.toArray();
            bounds.clear();
            bounds.add(0);
            Matcher matcher = byHand[p] == null ? patterns[p].matcher(text) : null;
            for (int i = 0; i + 1 < previous.length; i++) {
                int end = previous[i + 1];
                if (matcher == null) {
                    cutByHand(byHand[p], text, previous[i], end, bounds);
                } else {
                    matcher.region(previous[i], end);
                    while (matcher.find()) {
                        bounds.addIfNew(matcher.start());
                        bounds.addIfNew(matcher.end());
                    }
                }
                bounds.addIfNew(end);
            }
        }
        return bounds.size() - 1;
    }

    /** The matches of the hand-written pattern, end to end: one starts at every character. */
    private static void cutByHand(Cl100kSplit split, String text, int from, int end, Bounds bounds) {
        bounds.addIfNew(from);
        for (int at = from; at < end; ) {
            at = split.matchEnd(text, at, end);
            bounds.addIfNew(at);
        }
    }

    /** Ascending cut positions, reused across calls by one thread. */
    static final class Bounds {
        private int[] values = new int[64];
        private int size;

        void clear() {
            size = 0;
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        /** Cuts at the same place twice would make an empty piece, which tokenizers-rs drops. */
        void addIfNew(int value) {
            if (size == 0 || values[size - 1] != value) {
                add(value);
            }
        }

        int get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
