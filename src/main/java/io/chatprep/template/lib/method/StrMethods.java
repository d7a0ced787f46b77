package io.chatprep.template.lib.method;

import io.chatprep.template.py.PyFormat;
import io.chatprep.template.py.PyNone;
import io.chatprep.template.runtime.BoundMethod;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Strings;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** String helpers the filters share (Python semantics: whitespace set, case mapping, code points). */
public final class StrMethods {
    private StrMethods() {
    }

    private static String str(Object o) {
        if (!(o instanceof String s)) {
            throw TemplateRuntimeException.typeError("must be str, not " + Values.typeName(o));
        }
        return s;
    }

    private static long intArg(Object o) {
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (!(o instanceof Long l)) {
            throw TemplateRuntimeException.typeError("'" + Values.typeName(o) + "' object cannot be interpreted as an integer");
        }
        return l;
    }

    private static String fill(CallArgs a) {
        String f = str(a.get(1, null, " "));
        if (f.codePointCount(0, f.length()) != 1) {
            throw TemplateRuntimeException.typeError("The fill character must be exactly one character long");
        }
        return f;
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

    public static String swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(Character.isUpperCase(cp) ? Character.toLowerCase(cp)
                : Character.isLowerCase(cp) ? Character.toUpperCase(cp) : cp));
        return sb.toString();
    }

    /** Python's str.title: a cased character after an uncased one starts a word. */
    public static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean prevCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                sb.appendCodePoint(prevCased ? Character.toLowerCase(cp) : cp);
                prevCased = true;
            } else if (Character.isLowerCase(cp)) {
                sb.appendCodePoint(prevCased ? cp : Character.toTitleCase(cp));
                prevCased = true;
            } else {
                sb.appendCodePoint(cp);
                prevCased = false;
            }
        }
        return sb.toString();
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

    private static boolean all(String s, java.util.function.IntPredicate p) {
        return !s.isEmpty() && s.codePoints().allMatch(p);
    }

    public static String strip(String s, Object chars, boolean left, boolean right) {
        java.util.function.IntPredicate strip;
        if (chars == null || chars == PyNone.NONE) {
            strip = StrMethods::isSpace;
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

    static List<Object> split(String s, Object sepArg, long maxsplit, boolean fromRight) {
        List<Object> out = new ArrayList<>();
        if (sepArg == null || sepArg == PyNone.NONE) {
            splitWhitespace(s, maxsplit, fromRight, out);
            return Collections.unmodifiableList(out);
        }
        String sep = str(sepArg);
        if (sep.isEmpty()) {
            throw TemplateRuntimeException.valueError("empty separator");
        }
        if (!fromRight) {
            int from = 0;
            while (maxsplit < 0 || out.size() < maxsplit) {
                int i = s.indexOf(sep, from);
                if (i < 0) {
                    break;
                }
                out.add(s.substring(from, i));
                from = i + sep.length();
            }
            out.add(s.substring(from));
        } else {
            int to = s.length();
            while (maxsplit < 0 || out.size() < maxsplit) {
                int i = s.lastIndexOf(sep, to - sep.length());
                if (i < 0) {
                    break;
                }
                out.add(s.substring(i + sep.length(), to));
                to = i;
            }
            out.add(s.substring(0, to));
            Collections.reverse(out);
        }
        return Collections.unmodifiableList(out);
    }

    private static void splitWhitespace(String s, long maxsplit, boolean fromRight, List<Object> out) {
        if (fromRight) {
            String rev = new StringBuilder(s).reverse().toString();
            List<Object> tmp = new ArrayList<>();
            splitWhitespace(rev, maxsplit, false, tmp);
            for (int i = tmp.size() - 1; i >= 0; i--) {
                out.add(new StringBuilder((String) tmp.get(i)).reverse().toString());
            }
            return;
        }
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return;
            }
            if (maxsplit >= 0 && out.size() == maxsplit) {
                int end = n;
                while (end > i && isSpace(s.charAt(end - 1))) {
                    end--;
                }
                out.add(s.substring(i, n));
                return;
            }
            int j = i;
            while (j < n && !isSpace(s.charAt(j))) {
                j++;
            }
            out.add(s.substring(i, j));
            i = j;
        }
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

    private static boolean affix(String s, CallArgs a, boolean prefix) {
        Object p = a.get(0, null, null);
        int len = Strings.codePointLength(s);
        long start = a.size() > 1 && a.positional().get(1) != PyNone.NONE ? clamp(intArg(a.positional().get(1)), len) : 0;
        long end = a.size() > 2 && a.positional().get(2) != PyNone.NONE ? clamp(intArg(a.positional().get(2)), len) : len;
        if (start > end) {
            return false;
        }
        String sub = s.substring(Strings.offset(s, (int) start), Strings.offset(s, (int) end));
        List<Object> options = p instanceof List<?> l ? new ArrayList<>(l) : List.of(p == null ? "" : p);
        for (Object o : options) {
            if (!(o instanceof String x)) {
                throw TemplateRuntimeException.typeError((prefix ? "startswith" : "endswith")
                        + " first arg must be str or a tuple of str, not " + Values.typeName(o));
            }
            if (prefix ? sub.startsWith(x) : sub.endsWith(x)) {
                return true;
            }
        }
        return false;
    }

    private static long clamp(long i, int len) {
        if (i < 0) {
            i += len;
        }
        return Math.max(0, Math.min(i, len));
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

    private static Object find(String s, CallArgs a, boolean fromRight, boolean raise) {
        String sub = str(a.positional().get(0));
        int len = Strings.codePointLength(s);
        long start = a.size() > 1 && a.positional().get(1) != PyNone.NONE ? clamp(intArg(a.positional().get(1)), len) : 0;
        long end = a.size() > 2 && a.positional().get(2) != PyNone.NONE ? clamp(intArg(a.positional().get(2)), len) : len;
        long result = -1;
        if (start <= end) {
            int from = Strings.offset(s, (int) start);
            int to = Strings.offset(s, (int) end);
            String window = s.substring(from, to);
            int i = fromRight ? window.lastIndexOf(sub) : window.indexOf(sub);
            if (i >= 0) {
                result = start + window.codePointCount(0, i);
            }
        }
        if (result < 0 && raise) {
            throw TemplateRuntimeException.valueError("substring not found");
        }
        return result;
    }

    private static long count(String s, String sub) {
        if (sub.isEmpty()) {
            return Strings.codePointLength(s) + 1L;
        }
        long n = 0;
        int i = 0;
        while ((i = s.indexOf(sub, i)) >= 0) {
            n++;
            i += sub.length();
        }
        return n;
    }

    private static String join(String sep, Object iterable, RenderContext ctx) {
        StringBuilder sb = new StringBuilder();
        int idx = 0;
        for (Object o : Values.iterate(iterable)) {
            if (!(o instanceof String x)) {
                throw TemplateRuntimeException.typeError("sequence item " + idx + ": expected str instance, "
                        + Values.typeName(o) + " found");
            }
            if (idx++ > 0) {
                sb.append(sep);
            }
            sb.append(x);
            ctx.checkStringSize(sb.length());
        }
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

    private static String pad(String s, long width, String fill, boolean left, RenderContext ctx) {
        int len = Strings.codePointLength(s);
        if (width <= len) {
            return s;
        }
        ctx.checkStringSize(width);
        String p = fill.repeat((int) (width - len));
        return left ? s + p : p + s;
    }

    private static String zfill(String s, long width, RenderContext ctx) {
        int len = Strings.codePointLength(s);
        if (width <= len) {
            return s;
        }
        ctx.checkStringSize(width);
        String zeros = "0".repeat((int) (width - len));
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            return s.charAt(0) + zeros + s.substring(1);
        }
        return zeros + s;
    }

    private static Object partition(String s, String sep, boolean fromRight) {
        if (sep.isEmpty()) {
            throw TemplateRuntimeException.valueError("empty separator");
        }
        int i = fromRight ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (i < 0) {
            return fromRight ? io.chatprep.template.py.PyTuple.of("", "", s) : io.chatprep.template.py.PyTuple.of(s, "", "");
        }
        return io.chatprep.template.py.PyTuple.of(s.substring(0, i), sep, s.substring(i + sep.length()));
    }
}
