package io.chatprep.template.runtime;

import io.chatprep.template.py.PyNone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * String operations the filters and tests share, with Python's semantics: its whitespace set, Unicode case
 * mapping and code-point widths. Python's str methods themselves come from {@code py.PyMethods}.
 */
public final class Text {
    private Text() {
    }

    public static boolean isSpace(int cp) {
        return (cp >= 9 && cp <= 13) || (cp >= 0x1c && cp <= 0x20) || cp == 0x85 || cp == 0xa0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f
                || cp == 0x3000;
    }

    public static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    public static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        int n = Character.charCount(first);
        return new String(Character.toChars(Character.toTitleCase(first))) + lower(s.substring(n));
    }

    public static boolean isLower(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            cased |= Character.isLowerCase(cp);
        }
        return cased;
    }

    public static boolean isUpper(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            cased |= Character.isUpperCase(cp);
        }
        return cased;
    }

    public static String strip(String s, Object chars, boolean left, boolean right) {
        java.util.function.IntPredicate strip;
        if (chars == null || chars == PyNone.NONE) {
            strip = Text::isSpace;
        } else {
            String set = str(chars);
            strip = cp -> set.indexOf(new String(Character.toChars(cp))) >= 0;
        }
        int start = 0;
        int end = s.length();
        if (left) {
            while (start < end) {
                int cp = s.codePointAt(start);
                if (!strip.test(cp)) {
                    break;
                }
                start += Character.charCount(cp);
            }
        }
        if (right) {
            while (end > start) {
                int cp = s.codePointBefore(end);
                if (!strip.test(cp)) {
                    break;
                }
                end -= Character.charCount(cp);
            }
        }
        return s.substring(start, end);
    }

    /** Python's str.splitlines() without keepends. */
    public static List<String> splitlines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e
                    || c == 0x85 || c == 0x2028 || c == 0x2029) {
                out.add(s.substring(start, i));
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
            i++;
        }
        if (start < n) {
            out.add(s.substring(start));
        }
        return out;
    }

    public static String replace(String s, String old, String rep, long count, RenderContext ctx) {
        StringBuilder sb = new StringBuilder();
        if (old.isEmpty()) {
            long done = 0;
            int i = 0;
            while (true) {
                if (count < 0 || done < count) {
                    sb.append(rep);
                    done++;
                } else {
                    sb.append(s, i, s.length());
                    break;
                }
                if (i >= s.length()) {
                    break;
                }
                int cp = s.codePointAt(i);
                sb.appendCodePoint(cp);
                i += Character.charCount(cp);
                ctx.checkStringSize(sb.length());
            }
            return sb.toString();
        }
        int from = 0;
        long done = 0;
        while (count < 0 || done < count) {
            int i = s.indexOf(old, from);
            if (i < 0) {
                break;
            }
            sb.append(s, from, i).append(rep);
            ctx.checkStringSize(sb.length());
            from = i + old.length();
            done++;
        }
        sb.append(s, from, s.length());
        ctx.checkStringSize(sb.length());
        return sb.toString();
    }

    public static String center(String s, long width, String fill, RenderContext ctx) {
        int len = Strings.codePointLength(s);
        if (width <= len) {
            return s;
        }
        ctx.checkStringSize(width);
        long marg = width - len;
        long left = marg / 2 + (marg & width & 1);
        return fill.repeat((int) left) + s + fill.repeat((int) (marg - left));
    }

    private static String str(Object o) {
        if (!(o instanceof String s)) {
            throw TemplateRuntimeException.typeError("must be str, not " + Values.typeName(o));
        }
        return s;
    }
}
