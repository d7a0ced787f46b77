package io.chatprep.template.py;

/** Code-point helpers: Python indexes str by code point, Java by UTF-16 unit. */
public final class PyText {
    private PyText() {
    }

    /** True when the string has no surrogate pairs, so UTF-16 indices equal code point indices. */
    public static boolean isBmpOnly(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** UTF-16 index of code point index {@code cpIndex} (clamped to the string). */
    public static int offset(String s, int cpIndex) {
        if (cpIndex <= 0) {
            return 0;
        }
        try {
            return s.offsetByCodePoints(0, cpIndex);
        } catch (IndexOutOfBoundsException e) {
            return s.length();
        }
    }

    /** Code point index of UTF-16 index {@code index}. */
    public static int cpIndex(String s, int index) {
        return s.codePointCount(0, index);
    }

    /** Substring by code point indices, clamped to the string. */
    public static String substring(String s, int cpStart, int cpEnd) {
        int start = offset(s, cpStart);
        int end = offset(s, cpEnd);
        return start >= end ? "" : s.substring(start, end);
    }

    /** The code points of a string. */
    public static int[] codePoints(String s) {
        return s.codePoints().toArray();
    }

    public static String fromCodePoints(int[] cps, int start, int end) {
        return start >= end ? "" : new String(cps, start, end - start);
    }

    /** Python's {@code str.isspace} for one code point. */
    public static boolean isSpace(int cp) {
        switch (cp) {
            case '\t':
            case '\n':
            case 0x0b:
            case 0x0c:
            case '\r':
            case 0x1c:
            case 0x1d:
            case 0x1e:
            case 0x1f:
            case ' ':
            case 0x85:
            case 0xa0:
            case 0x1680:
            case 0x2028:
            case 0x2029:
            case 0x202f:
            case 0x205f:
            case 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200a;
        }
    }

    /** Python's line boundaries for {@code splitlines}. */
    public static boolean isLineBreak(int cp) {
        switch (cp) {
            case '\n':
            case '\r':
            case 0x0b:
            case 0x0c:
            case 0x1c:
            case 0x1d:
            case 0x1e:
            case 0x85:
            case 0x2028:
            case 0x2029:
                return true;
            default:
                return false;
        }
    }

    /** Python's notion of a cased character (Lu, Ll, Lt, plus other lower/upper case letters). */
    public static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }
}
