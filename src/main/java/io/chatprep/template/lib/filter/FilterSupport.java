package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyNone;
import io.chatprep.template.py.PyOps;
import io.chatprep.template.runtime.Attributes;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Helpers shared by filters: Jinja2's attribute getters and sort keys. */
final class FilterSupport {
    private FilterSupport() {
    }

    /** Jinja2's make_attrgetter: {@code "a.b.0"} walks items then attributes; null attribute means identity. */
    static Function<Object, Object> attrGetter(Object attribute, RenderContext ctx, Object dflt) {
        if (attribute == null || attribute == PyNone.NONE) {
            return v -> v;
        }
        List<Object> parts = new ArrayList<>();
        if (attribute instanceof String s) {
            for (String p : s.split("\\.", -1)) {
                parts.add(p.chars().allMatch(Character::isDigit) && !p.isEmpty() ? (Object) Long.parseLong(p) : p);
            }
        } else {
            parts.add(attribute);
        }
        return item -> {
            Object v = item;
            for (Object p : parts) {
                v = v == null ? null : Values.getItem(v, p, ctx);
                if (v == null) {
                    break;
                }
            }
            return v == null && dflt != null ? dflt : v;
        };
    }

    static Object lowerIfString(Object v, boolean caseSensitive) {
        return !caseSensitive && v instanceof String s ? s.toLowerCase(java.util.Locale.ROOT) : v;
    }

    /**
     * Python's ordering as Jinja2's sort uses it: keys are compared as one-item lists, so equal (or identical)
     * keys never reach {@code <} and {@code [None, None]} sorts without error.
     */
    static Comparator<Object> pythonOrder() {
        return (a, b) -> {
            if (a == b || (a != null && b != null && PyOps.eq(a, b))) {
                return 0;
            }
            if (a == null || b == null) {
                if (a == null && b == null) {
                    return 0;
                }
                throw TemplateRuntimeException.undefined("cannot compare an undefined value");
            }
            if (PyOps.lt(a, b)) {
                return -1;
            }
            return PyOps.lt(b, a) ? 1 : 0;
        };
    }

    static boolean bool(Object v) {
        return Values.truthy(v);
    }

    static Object getAttr(Object v, String name, RenderContext ctx) {
        return Attributes.getAttr(v, name, ctx);
    }
}
