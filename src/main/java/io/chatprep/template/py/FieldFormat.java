package io.chatprep.template.py;

import java.util.List;
import java.util.Map;

/**
 * {@code str.format(*args, **kwargs)} as Jinja2's sandbox runs it (string.Formatter): field names, attribute and
 * index lookups through the sandbox's access rules, conversions and nested specs.
 */
final class FieldFormat {
    private FieldFormat() {
    }

    /** Python's {@code template.format(*args, **kwargs)} with Jinja2's sandboxed attribute lookup. */
    public static String strFormat(String template, List<?> args, Map<String, ?> kwargs) {
        int[] autoIndex = {0};
        return strFormat(template, args, kwargs, autoIndex, 2);
    }

    private static String strFormat(String template, List<?> args, Map<String, ?> kwargs, int[] autoIndex, int depth) {
        if (depth < 0) {
            throw PyException.valueError("Max string recursion exceeded");
        }
        StringBuilder out = new StringBuilder();
        int n = template.length();
        int i = 0;
        while (i < n) {
            char c = template.charAt(i);
            if (c == '{') {
                if (i + 1 < n && template.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                if (i + 1 == n) {
                    throw PyException.valueError("Single '{' encountered in format string");
                }
                int level = 1;
                int j = i + 1;
                while (j < n && level > 0) {
                    char k = template.charAt(j);
                    if (k == '{') {
                        level++;
                    } else if (k == '}') {
                        level--;
                    }
                    j++;
                }
                if (level > 0) {
                    throw PyException.valueError("expected '}' before end of string");
                }
                out.append(replaceField(template.substring(i + 1, j - 1), args, kwargs, autoIndex, depth));
                PyLimits.checkString(out.length());
                i = j;
            } else if (c == '}') {
                if (i + 1 < n && template.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw PyException.valueError("Single '}' encountered in format string");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String replaceField(String field, List<?> args, Map<String, ?> kwargs, int[] autoIndex, int depth) {
        int bracket = 0;
        int end = field.length();
        int conversionAt = -1;
        int specAt = -1;
        for (int k = 0; k < field.length(); k++) {
            char c = field.charAt(k);
            if (c == '[') {
                bracket++;
            } else if (c == ']') {
                bracket--;
            } else if (bracket == 0 && c == '!' && conversionAt < 0) {
                conversionAt = k;
            } else if (bracket == 0 && c == ':') {
                specAt = k;
                break;
            }
        }
        String name = field.substring(0, conversionAt >= 0 ? conversionAt : specAt >= 0 ? specAt : end);
        char conversion = 0;
        if (conversionAt >= 0) {
            int convEnd = specAt >= 0 ? specAt : end;
            if (convEnd - conversionAt != 2) {
                throw PyException.valueError("expected ':' after conversion specifier");
            }
            conversion = field.charAt(conversionAt + 1);
        }
        String spec = specAt >= 0 ? field.substring(specAt + 1) : "";
        if (spec.indexOf('{') >= 0) {
            spec = strFormat(spec, args, kwargs, autoIndex, depth - 1);
        }
        Object value = resolveField(name, args, kwargs, autoIndex);
        switch (conversion) {
            case 0:
                break;
            case 's':
                value = PyStr.str(value);
                break;
            case 'r':
                value = PyStr.repr(value);
                break;
            case 'a':
                value = PyStr.ascii(value);
                break;
            default:
                throw PyException.valueError("Unknown conversion specifier " + conversion);
        }
        return SpecFormatter.format(value, spec);
    }

    private static Object resolveField(String name, List<?> args, Map<String, ?> kwargs, int[] autoIndex) {
        int k = 0;
        while (k < name.length() && name.charAt(k) != '.' && name.charAt(k) != '[') {
            k++;
        }
        String first = name.substring(0, k);
        Object value;
        // Jinja2's sandbox formats through string.Formatter, whose numbering rules differ from str.format's:
        // only a bare "{0}" counts as manual numbering, and both conflicts raise the same message.
        String switchError = "cannot switch from manual field specification to automatic field numbering";
        if (first.isEmpty()) {
            if (autoIndex[0] < 0) {
                throw PyException.valueError(switchError);
            }
            value = positional(args, autoIndex[0]++);
        } else if (isDigits(first)) {
            if (k == name.length()) {
                if (autoIndex[0] > 0) {
                    throw PyException.valueError(switchError);
                }
                autoIndex[0] = -1;
            }
            value = positional(args, Long.parseLong(first));
        } else {
            if (!kwargs.containsKey(first)) {
                throw new PyException("KeyError", PyStr.repr(first));
            }
            value = kwargs.get(first);
        }
        while (k < name.length()) {
            char c = name.charAt(k);
            if (c == '.') {
                int start = ++k;
                while (k < name.length() && name.charAt(k) != '.' && name.charAt(k) != '[') {
                    k++;
                }
                value = PyAccess.getattr(value, name.substring(start, k));
            } else if (c == '[') {
                int close = name.indexOf(']', k);
                if (close < 0) {
                    throw PyException.valueError("Missing ']' in format string");
                }
                String key = name.substring(k + 1, close);
                Object keyValue = !key.isEmpty() && key.chars().allMatch(Character::isDigit) ? (Object) Long.parseLong(key) : key;
                value = PyAccess.getitem(value, keyValue);
                k = close + 1;
            } else {
                throw PyException.valueError("Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        return value;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Object positional(List<?> args, long index) {
        if (index >= args.size()) {
            throw new PyException("IndexError", "tuple index out of range");
        }
        return args.get((int) index);
    }
}
