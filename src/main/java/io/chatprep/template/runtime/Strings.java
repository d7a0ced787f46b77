package io.chatprep.template.runtime;

/** Code-point arithmetic for Java strings, so lengths and indices match Python's. */
public final class Strings {
    private Strings() {
    }

    public static boolean hasSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public static int codePointLength(String s) {
        return hasSurrogates(s) ? s.codePointCount(0, s.length()) : s.length();
    }

    /** Code-point index to UTF-16 index. */
    public static int offset(String s, int cp) {
        return hasSurrogates(s) ? s.offsetByCodePoints(0, cp) : cp;
    }

    public static String codePointAt(String s, int cpIndex) {
        int i = offset(s, cpIndex);
        return new String(Character.toChars(s.codePointAt(i)));
    }
}
