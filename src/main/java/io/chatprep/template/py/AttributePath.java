package io.chatprep.template.py;

import java.util.ArrayList;
import java.util.List;

/** Jinja2's attribute path: dotted parts, numeric parts as ints, each looked up item-first. */
final class AttributePath {
    private final List<Object> parts = new ArrayList<>();

    AttributePath(Object attribute) {
        if (attribute instanceof String) {
            for (Object part : StrSplit.split((String) attribute, ".", -1)) {
                String p = (String) part;
                boolean digits = !p.isEmpty() && p.chars().allMatch(c -> c >= '0' && c <= '9');
                parts.add(digits ? (Object) Long.parseLong(p) : p);
            }
        } else {
            parts.add(attribute);
        }
    }

    Object get(Object item) {
        return get(item, null);
    }

    /** The attribute, with {@code fallback} replacing an Undefined step (None means no fallback). */
    Object get(Object item, Object fallback) {
        Object current = item;
        for (Object part : parts) {
            current = PyAccess.getitem(current, part);
            if (current == null && fallback != null && fallback != PyNone.NONE) {
                current = fallback;
            }
        }
        return current;
    }
}
