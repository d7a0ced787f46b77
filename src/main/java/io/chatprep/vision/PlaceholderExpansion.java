package io.chatprep.vision;

import java.util.Arrays;
import java.util.List;

/**
 * The processor's expansion of image placeholders ({@code ProcessorMixin.get_text_with_replacements}): each
 * occurrence of the placeholder, left to right, is replaced by the next image's replacement text. Positions are in
 * code points, as Python counts them. {@link #shift} moves a position of the rendered text to the expanded text the
 * way {@code apply_chat_template} moves generation spans: past every placeholder that ends at or before it.
 */
public final class PlaceholderExpansion {
    private final String text;
    private final int[] placeholderEnds;
    private final int[] gained;
    private final int[] newStarts;
    private final int[] newEnds;

    private PlaceholderExpansion(String text, int[] placeholderEnds, int[] gained, int[] newStarts, int[] newEnds) {
        this.text = text;
        this.placeholderEnds = placeholderEnds;
        this.gained = gained;
        this.newStarts = newStarts;
        this.newEnds = newEnds;
    }

    /** Nothing replaced: a row without images keeps its rendered text. */
    public static PlaceholderExpansion none(String text) {
        return new PlaceholderExpansion(text, new int[0], new int[] {0}, new int[0], new int[0]);
    }

    /**
     * Replaces the placeholders of {@code rendered}; their number must equal the number of replacements (the
     * processors fail or misalign otherwise).
     */
    public static PlaceholderExpansion expand(String rendered, String placeholder, List<String> replacements)
            throws ImageException {
        int found = count(rendered, placeholder);
        if (found != replacements.size()) {
            throw new ImageException("the rendered conversation holds " + found + " image placeholder"
                    + (found == 1 ? "" : "s") + " (" + placeholder + ") for " + replacements.size() + " image"
                    + (replacements.size() == 1 ? "" : "s"));
        }
        int n = replacements.size();
        int[] ends = new int[n];
        int[] gained = new int[n + 1];
        int[] starts = new int[n];
        int[] newEnds = new int[n];
        int placeholderPoints = placeholder.codePointCount(0, placeholder.length());
        StringBuilder out = new StringBuilder(rendered.length() + replacements.stream().mapToInt(String::length).sum());
        int last = 0; // UTF-16 index in rendered
        int lastPoints = 0; // the same position in code points
        int offset = 0; // code points gained so far
        for (int i = 0; i < n; i++) {
            int at = rendered.indexOf(placeholder, last);
            int atPoints = lastPoints + rendered.codePointCount(last, at);
            out.append(rendered, last, at);
            String replacement = replacements.get(i);
            int replacementPoints = replacement.codePointCount(0, replacement.length());
            starts[i] = atPoints + offset;
            newEnds[i] = starts[i] + replacementPoints;
            ends[i] = atPoints + placeholderPoints;
            out.append(replacement);
            offset += replacementPoints - placeholderPoints;
            gained[i + 1] = newEnds[i] - ends[i];
            last = at + placeholder.length();
            lastPoints = ends[i];
        }
        out.append(rendered, last, rendered.length());
        return new PlaceholderExpansion(out.toString(), ends, gained, starts, newEnds);
    }

    static int count(String text, String placeholder) {
        int n = 0;
        for (int at = text.indexOf(placeholder); at >= 0; at = text.indexOf(placeholder, at + placeholder.length())) {
            n++;
        }
        return n;
    }

    /** The expanded text the tokenizer reads. */
    public String text() {
        return text;
    }

    /** A code-point position of the rendered text, moved past the expansions of every placeholder ending at or before it. */
    public int shift(int position) {
        // bisect_right over the placeholders' ends
        int lo = 0;
        int hi = placeholderEnds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (placeholderEnds[mid] <= position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return position + gained[lo];
    }

    /** Where image {@code i}'s replacement lies in the expanded text, {@code [start, end)} in code points. */
    public int[] replacement(int i) {
        return new int[] {newStarts[i], newEnds[i]};
    }

    public int images() {
        return newStarts.length;
    }

    @Override
    public String toString() {
        return "PlaceholderExpansion" + Arrays.toString(newStarts);
    }
}
