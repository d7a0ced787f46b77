package io.chatprep.template.runtime;

import io.chatprep.template.py.PyAccess;
import io.chatprep.template.py.PyException;
import io.chatprep.template.py.PyOps;
import io.chatprep.template.py.PyStr;
import io.chatprep.template.py.PyTypes;
import java.util.List;
import java.util.Map;

/** Python behaviour of template values the engine needs directly: iteration, length, indexing, printing. */
public final class Values {
    private Values() {
    }

    public static boolean truthy(Object v) {
        return v instanceof Boolean b ? b : PyOps.truthy(UnsafeUndefined.plain(v));
    }

    /** {@code str(v)} as Jinja2 prints it: Undefined prints nothing. */
    public static String str(Object v) {
        return PyStr.str(UnsafeUndefined.plain(v));
    }

    /** Python's type name; the engine's callables (macros, globals, bound methods) are functions. */
    public static String typeName(Object v) {
        return v instanceof PyCallable ? "function" : PyTypes.typeName(UnsafeUndefined.plain(v));
    }

    /** Python's {@code iter(v)} materialised; Undefined iterates as empty, as Jinja2's Undefined does. */
    @SuppressWarnings("unchecked")
    public static List<Object> iterate(Object v) {
        if (v instanceof PyCallable) {
            throw TemplateRuntimeException.typeError("'function' object is not iterable");
        }
        return (List<Object>) PyOps.iterate(UnsafeUndefined.plain(v));
    }

    /**
     * Python's {@code obj[key]} failing softly as Jinja2's {@code getitem} does: a missing key or index gives
     * Undefined (null). Containers follow the value layer; a method found by name is handed out as a callable the
     * engine can invoke; the engine's own objects answer by attribute.
     */
    public static Object getItem(Object obj, Object rawKey, RenderContext ctx) {
        if (obj instanceof UnsafeUndefined u) {
            throw u.error();
        }
        Object key = UnsafeUndefined.plain(rawKey);
        if (obj == null) {
            throw TemplateRuntimeException.undefined("'" + describeKey(key) + "' of an undefined value");
        }
        if (key instanceof SliceValue s) {
            if (obj instanceof String || obj instanceof List<?>) {
                return ctx.built(PyAccess.slice(obj, s.start(), s.stop(), s.step()));
            }
            if (obj instanceof GeneratorValue g) {
                throw TemplateRuntimeException.typeError("'" + g.typeName() + "' object is not subscriptable");
            }
            // Jinja2's getitem turns the TypeError of slicing a mapping or scalar into Undefined
            return null;
        }
        if (obj instanceof Map<?, ?> || obj instanceof List<?> || obj instanceof String) {
            Object item = PyAccess.getitem(obj, key);
            if (item == null && key instanceof String name) {
                // no such item: Jinja2's getitem then tries the attribute, which the sandbox may refuse
                UnsafeUndefined refused = Sandbox.refused(obj, name);
                if (refused != null) {
                    return refused;
                }
            }
            return Attributes.callable(item);
        }
        if (key instanceof String name) {
            return Attributes.getAttr(obj, name, ctx);
        }
        return null;
    }

    private static String describeKey(Object key) {
        return key instanceof String s ? s : PyStr.repr(key);
    }

    /** Converts a {@link PyException} from the value layer into the engine's error, keeping Python's text. */
    public static TemplateRuntimeException fromPy(PyException e) {
        String type = e.pyType();
        EngineException.Kind kind = switch (type) {
            case "SecurityError" -> EngineException.Kind.SECURITY;
            case "LimitError" -> EngineException.Kind.LIMIT;
            default -> EngineException.Kind.RUNTIME;
        };
        return new TemplateRuntimeException(kind, type + ": " + e.getMessage());
    }
}
