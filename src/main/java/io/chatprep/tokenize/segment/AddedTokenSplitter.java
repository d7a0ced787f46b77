package io.chatprep.tokenize.segment;

import io.chatprep.tokenize.AddedToken;
import io.chatprep.tokenize.bpe.UnicodeClasses;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text at added tokens exactly where tokenizers-rs does ({@code AddedVocabulary::find_matches}):
 * first the tokens with {@code normalized: false} over the whole text, then, inside each remaining piece, the
 * {@code normalized: true} ones (only when the normalizer is the identity; otherwise they stay inside their
 * piece, where the tokenizer finds them itself). {@code single_word} keeps a match only between non-word
 * characters, {@code lstrip}/{@code rstrip} let the token take the whitespace before/after it.
 *
 * <p>Where tokenizers-rs' result would depend on the piece boundaries themselves (a {@code single_word} match
 * it discards, a match inside whitespace an earlier token took, a neighbour character whose class Java's
 * Unicode tables may not know), {@link #split} gives up and the caller encodes the whole text.
 * Immutable and thread-safe.
 */
final class AddedTokenSplitter {
    private final List<AddedToken> tokens;
    private final TokenTrie raw;
    private final TokenTrie normalized;
    private final int[] rawIndex;
    private final int[] normalizedIndex;

    /** @param splitNormalized whether {@code normalized} tokens are matched on the raw text (identity normalizer) */
    AddedTokenSplitter(List<AddedToken> tokens, boolean splitNormalized) {
        this.tokens = List.copyOf(tokens);
        List<String> rawPatterns = new ArrayList<>();
        List<String> normalizedPatterns = new ArrayList<>();
        List<Integer> rawIds = new ArrayList<>();
        List<Integer> normalizedIds = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            AddedToken t = tokens.get(i);
            if (!t.normalized()) {
                rawPatterns.add(t.content());
                rawIds.add(i);
            } else if (splitNormalized) {
                normalizedPatterns.add(t.content());
                normalizedIds.add(i);
            }
        }
        this.raw = new TokenTrie(rawPatterns);
        this.normalized = new TokenTrie(normalizedPatterns);
        this.rawIndex = rawIds.stream().mapToInt(Integer::intValue).toArray();
        this.normalizedIndex = normalizedIds.stream().mapToInt(Integer::intValue).toArray();
    }

    List<AddedToken> tokens() {
        return tokens;
    }

    /**
     * Fills {@code out} with the segments of {@code text}; false when splitting is not exact for this text
     * ({@code out} then holds garbage). An empty text has no segments.
     */
    boolean split(String text, Segments out) {
        out.clear();
        int[] found = new int[2];
        if (normalized.isEmpty()) {
            return findMatches(text, 0, text.length(), raw, rawIndex, out, found);
        }
        Segments firstPass = new Segments();
        if (!findMatches(text, 0, text.length(), raw, rawIndex, firstPass, found)) {
            return false;
        }
        for (int i = 0; i < firstPass.count(); i++) {
            int token = firstPass.token(i);
            if (token != Segments.TEXT) {
                out.add(firstPass.start(i), firstPass.end(i), token);
            } else if (!findMatches(text, firstPass.start(i), firstPass.end(i), normalized, normalizedIndex, out, found)) {
                return false;
            }
        }
        return true;
    }

    /** {@code find_matches} on the sentence {@code text[from, to)}, appending its segments. */
    private boolean findMatches(String text, int from, int to, TokenTrie trie, int[] index, Segments out, int[] found) {
        int taken = from;
        int scan = from;
        while (scan < to) {
            int matchStart = trie.find(text, scan, to, found);
            if (matchStart < 0) {
                break;
            }
            int matchEnd = found[1];
            int token = index[found[0]];
            AddedToken t = tokens.get(token);
            scan = matchEnd;
            if (matchStart < taken) {
                return false;
            }
            if (t.singleWord() && !standsAlone(text, from, to, matchStart, matchEnd)) {
                return false;
            }
            int start = matchStart;
            int stop = matchEnd;
            if (t.lstrip()) {
                start = Math.max(whitespaceBefore(text, from, start), taken);
            }
            if (t.rstrip()) {
                stop = whitespaceAfter(text, stop, to);
            }
            if (taken < start) {
                out.add(taken, start, Segments.TEXT);
            }
            out.add(start, stop, token);
            taken = stop;
        }
        if (taken < to) {
            out.add(taken, to, Segments.TEXT);
        }
        return true;
    }

    /**
     * Whether a {@code single_word} match has no word character right before or after it. A match that does
     * is dropped by tokenizers-rs; whether a piece boundary next to it would change that is not worth
     * reasoning about, so such a text is not split at all (the caller sees false).
     */
    private static boolean standsAlone(String text, int from, int to, int start, int end) {
        if (start > from) {
            int before = text.codePointBefore(start);
            if (UnicodeClasses.mayDiffer(before) || UnicodeClasses.isWordChar(before)) {
                return false;
            }
        }
        if (end < to) {
            int after = text.codePointAt(end);
            if (UnicodeClasses.mayDiffer(after) || UnicodeClasses.isWordChar(after)) {
                return false;
            }
        }
        return true;
    }

    /** Start of the whitespace run that ends at {@code end} (regex {@code \s*$} on {@code text[from, end)}). */
    private static int whitespaceBefore(String text, int from, int end) {
        int i = end;
        while (i > from) {
            int cp = text.codePointBefore(i);
            if (!UnicodeClasses.isWhiteSpace(cp)) {
                break;
            }
            i -= Character.charCount(cp);
        }
        return i;
    }

    /** End of the whitespace run that starts at {@code start} (regex {@code ^\s*} on {@code text[start, to)}). */
    private static int whitespaceAfter(String text, int start, int to) {
        int i = start;
        while (i < to) {
            int cp = text.codePointAt(i);
            if (!UnicodeClasses.isWhiteSpace(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }
}
