package io.chatprep.template.py;

import java.util.Locale;

/** Python's str case mappings (casefold, swapcase, title, capitalize) and character-class tests (isdigit, ...). */
final class StrCase {
    private StrCase() {
    }

    /**
     * Python's casefold: full lowercase after uppercasing (so 'ß' folds to "ss"), except where Unicode's case
     * folding differs from that: Cherokee folds to its uppercase letters, dotless i stays, capital sharp s
     * folds to "ss".
     */
    static String casefold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if ((cp >= 0x13a0 && cp <= 0x13f5) || cp == 0x131) {
                out.appendCodePoint(cp);
            } else if ((cp >= 0x13f8 && cp <= 0x13fd) || (cp >= 0xab70 && cp <= 0xabbf)) {
                out.appendCodePoint(Character.toUpperCase(cp));
            } else if (cp < 0x80) {
                out.appendCodePoint(Character.toLowerCase(cp));
            } else if (cp == 0x1e9e) {
                out.append("ss");
            } else {
                String c = new String(Character.toChars(cp));
                out.append(c.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
            }
        }
        return StrMethods.checked(out.toString());
    }

    static String swapcase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            if (Character.isUpperCase(cp)) {
                out.append(c.toLowerCase(Locale.ROOT));
            } else if (Character.isLowerCase(cp)) {
                out.append(c.toUpperCase(Locale.ROOT));
            } else {
                out.append(c);
            }
        });
        return StrMethods.checked(out.toString());
    }

    /** Python's title(): a cased character after an uncased one is titlecased, others lowercased. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (previousCased) {
                out.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
            } else {
                out.append(titleCase(cp));
            }
            previousCased = PyText.isCased(cp);
        }
        return StrMethods.checked(out.toString());
    }

    private static String titleCase(int cp) {
        String upper = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
        if (upper.codePointCount(0, upper.length()) > 1) {
            // Full title-case mappings such as 'ß' -> 'Ss' keep the tail lowercase.
            int first = upper.codePointAt(0);
            return new String(Character.toChars(first))
                    + upper.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
        }
        return new String(Character.toChars(Character.toTitleCase(cp)));
    }

    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return StrMethods.checked(titleCase(first) + s.substring(Character.charCount(first)).toLowerCase(Locale.ROOT));
    }

    static boolean classify(String s, String name) {
        if (s.isEmpty()) {
            return false;
        }
        return s.codePoints().allMatch(cp -> {
            switch (name) {
                case "isdigit":
                    return isDigit(cp);
                case "isdecimal":
                    return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
                case "isnumeric":
                    return isNumeric(cp);
                case "isalpha":
                    return Character.isLetter(cp);
                case "isalnum":
                    return Character.isLetter(cp) || isNumeric(cp);
                default:
                    return PyText.isSpace(cp);
            }
        });
    }

    private static boolean isDigit(int cp) {
        int type = Character.getType(cp);
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            return true;
        }
        // Superscripts and circled digits have Numeric_Type=Digit: a digit value but category No.
        int value = Character.getNumericValue(cp);
        return type == Character.OTHER_NUMBER && value >= 0 && value <= 9 && Character.digit(cp, 10) < 0
                && !isVulgarFraction(cp);
    }

    private static boolean isVulgarFraction(int cp) {
        return (cp >= 0xbc && cp <= 0xbe) || (cp >= 0x2150 && cp <= 0x215f) || cp == 0x2189;
    }

    /** CJK ideographs that Unicode gives a numeric value although they are letters (category Lo). */
    private static final String CJK_NUMERALS = "\u96f6\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d"
            + "\u5341\u767e\u5343\u4e07\u842c\u5104\u4ebf\u5146\u58f9\u8cb3\u8d30\u53c1\u53c3\u8086\u4f0d"
            + "\u9678\u9646\u67d2\u634c\u7396\u62fe\u4f70\u4edf\u5169\u5eff\u5345\u534c";

    private static boolean isNumeric(int cp) {
        if (cp < 0x10000 && CJK_NUMERALS.indexOf(cp) >= 0) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    static boolean caseCheck(String s, boolean upper) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (upper ? (Character.isLowerCase(cp) || Character.isTitleCase(cp)) : (Character.isUpperCase(cp)
                    || Character.isTitleCase(cp))) {
                return false;
            }
            if (upper ? Character.isUpperCase(cp) : Character.isLowerCase(cp)) {
                cased = true;
            }
        }
        return cased;
    }

    static boolean istitle(String s) {
        boolean cased = false;
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                if (previousCased) {
                    return false;
                }
                previousCased = true;
                cased = true;
            } else if (Character.isLowerCase(cp)) {
                if (!previousCased) {
                    return false;
                }
                previousCased = true;
                cased = true;
            } else {
                previousCased = false;
            }
        }
        return cased;
    }

    /** Python's identifier rule (XID_Start then XID_Continue), approximated by Java's identifier classes. */
    static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int first = s.codePointAt(0);
        if (!(first == '_' || Character.isUnicodeIdentifierStart(first))) {
            return false;
        }
        return s.codePoints().skip(1).allMatch(cp -> Character.isUnicodeIdentifierPart(cp)
                && !Character.isIdentifierIgnorable(cp));
    }
}
