package io.chatprep.template.py;

import java.util.List;
import java.util.Map;

/**
 * Python string formatting: printf-style {@code str % args}, {@code format(value, spec)} with the format-spec
 * mini-language, and {@code str.format(*args, **kwargs)} with field names, attribute/index lookups,
 * conversions and nested specs.
 */
public final class PyFormat {
    private PyFormat() {
    }

    /** Python's {@code format % args}: args is a tuple of values, a mapping for {@code %(name)s}, or one value. */
    public static String percent(String format, Object args) {
        return PercentFormat.percent(format, args);
    }

    /** Python's {@code format(value, spec)}. Undefined formats as {@code ""}. */
    public static String format(Object value, String spec) {
        return SpecFormatter.format(value, spec);
    }

    /** Python's {@code template.format(*args, **kwargs)} with Jinja2's sandboxed attribute lookup. */
    public static String strFormat(String template, List<?> args, Map<String, ?> kwargs) {
        return FieldFormat.strFormat(template, args, kwargs);
    }
}
