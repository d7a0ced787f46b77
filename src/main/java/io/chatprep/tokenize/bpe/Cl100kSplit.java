package io.chatprep.tokenize.bpe;

/**
 * The split pattern of Qwen 2/2.5/3 and Llama 3.x tokenizers (the shape of tiktoken's cl100k_base), matched by hand:
 * <pre>
 * (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,D}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
 * </pre>
 * with D = 1 (Qwen) or 3 (Llama 3). It gives the matches {@code java.util.regex} gives for that pattern under
 * {@link java.util.regex.Pattern#UNICODE_CHARACTER_CLASS} in a region with opaque bounds (what {@link RegexSplits}
 * otherwise runs), in one pass over each match instead of trying alternatives node by node: the regex engine spends
 * close to two fifths of a task's time on this pattern.
 *
 * <p>Each alternative is taken as the engine's backtracking settles it: the optional lead character of a word only
 * when letters follow it; {@code \s*[\r\n]+} ends after the last line break of a whitespace run; {@code \s+(?!\S)}
 * gives back the run's last character unless the run reaches the end of the piece.
 */
final class Cl100kSplit {
    private static final String BEFORE_NUMBERS = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|";
    private static final String AFTER_NUMBERS = "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

    private final int maxDigits;

    private Cl100kSplit(int maxDigits) {
        this.maxDigits = maxDigits;
    }

    /** The matcher for {@code regex} when it is this pattern (as tokenizer.json spells it), else null. */
    static Cl100kSplit forRegex(String regex) {
        if (regex.equals(BEFORE_NUMBERS + "\\p{N}" + AFTER_NUMBERS)) {
            return new Cl100kSplit(1);
        }
        if (regex.equals(BEFORE_NUMBERS + "\\p{N}{1,3}" + AFTER_NUMBERS)) {
            return new Cl100kSplit(3);
        }
        return null;
    }

    /**
     * Where the match starting at {@code i} ends, looking no further than {@code end}. A match starts at every
     * character: the alternatives cover letters, numbers, white space and everything else.
     */
    int matchEnd(String s, int i, int end) {
        char c = s.charAt(i);
        if (c == '\'' && i + 1 < end) {
            int contraction = contraction(s, i + 1, end);
            if (contraction > 0) {
                return i + 1 + contraction;
            }
        }
        int cp = codePointAt(s, i, end);
        int next = i + Character.charCount(cp);
        if (isLetter(cp)) {
            return run(s, next, end, true);
        }
        boolean number = isNumber(cp);
        if (!number && c != '\r' && c != '\n' && next < end) {
            int lead = codePointAt(s, next, end);
            if (isLetter(lead)) {
                return run(s, next + Character.charCount(lead), end, true);
            }
        }
        if (number) {
            int j = next;
            for (int count = 1; count < maxDigits && j < end; count++) {
                int d = codePointAt(s, j, end);
                if (!isNumber(d)) {
                    break;
                }
                j += Character.charCount(d);
            }
            return j;
        }
        int p = c == ' ' ? i + 1 : i;
        if (p < end && isOther(codePointAt(s, p, end))) {
            int j = run(s, p, end, false);
            while (j < end && (s.charAt(j) == '\r' || s.charAt(j) == '\n')) {
                j++;
            }
            return j;
        }
        // Only white space is left (every other character is a letter, a number or matched just above), and white
        // space is all in the Basic Multilingual Plane, so the run can be walked by char.
        int w = i;
        int lastBreak = -1;
        while (w < end && UnicodeClasses.isWhiteSpace(s.charAt(w))) {
            if (s.charAt(w) == '\r' || s.charAt(w) == '\n') {
                lastBreak = w;
            }
            w++;
        }
        if (lastBreak >= 0) {
            return lastBreak + 1;
        }
        if (w == end || w - i == 1) {
            return w;
        }
        return w - 1;
    }

    /** The length of a contraction's letters at {@code k} ({@code s t m d}, {@code re ve ll}, any case), else 0. */
    private static int contraction(String s, int k, int end) {
        char first = fold(s.charAt(k));
        if (first == 's' || first == 't' || first == 'm' || first == 'd') {
            return 1;
        }
        if (k + 1 < end && (first == 'r' || first == 'v' || first == 'l')) {
            char second = fold(s.charAt(k + 1));
            if ((first != 'l' && second == 'e') || (first == 'l' && second == 'l')) {
                return 2;
            }
        }
        return 0;
    }

    /** The case-insensitive comparison form {@code (?iu)} gives a char: {@code 'S'} and long s fold to {@code 's'}. */
    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The end of the run of letters ({@code \p{L}}), or of other characters ({@code [^\s\p{L}\p{N}]}), from {@code from}. */
    private static int run(String s, int from, int end, boolean letters) {
        int j = from;
        while (j < end) {
            int cp = codePointAt(s, j, end);
            if (letters ? !isLetter(cp) : !isOther(cp)) {
                break;
            }
            j += Character.charCount(cp);
        }
        return j;
    }

    /** The code point at {@code i}; a surrogate pair split by the piece's end counts as its lone high surrogate. */
    private static int codePointAt(String s, int i, int end) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
            return Character.toCodePoint(c, s.charAt(i + 1));
        }
        return c;
    }

    private static boolean isLetter(int cp) {
        if (cp < 0x80) {
            return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
        }
        return Character.isLetter(cp);
    }

    private static boolean isNumber(int cp) {
        if (cp < 0x80) {
            return cp >= '0' && cp <= '9';
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** {@code [^\s\p{L}\p{N}]}. */
    private static boolean isOther(int cp) {
        return !UnicodeClasses.isWhiteSpace(cp) && !isLetter(cp) && !isNumber(cp);
    }
}
