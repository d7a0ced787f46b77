package io.chatprep.tokenize.bpe;

/**
 * The character classes tokenizers-rs uses around added tokens: its regex crate's Unicode {@code \s}
 * (White_Space) and {@code \w} (Alphabetic, marks, decimal digits, connector punctuation, joiners).
 */
public final class UnicodeClasses {
    private UnicodeClasses() {
    }

    public static boolean isWhiteSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
                || cp == 0x205F || cp == 0x3000;
    }

    public static boolean isWordChar(int cp) {
        if (Character.isAlphabetic(cp) || cp == 0x200C || cp == 0x200D) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.CONNECTOR_PUNCTUATION;
    }

    /**
     * Whether Java's Unicode tables may disagree with the Rust ones about {@code cp}: a code point unassigned in
     * Java's Unicode version may be a letter in a newer one.
     */
    public static boolean mayDiffer(int cp) {
        return Character.getType(cp) == Character.UNASSIGNED;
    }
}
