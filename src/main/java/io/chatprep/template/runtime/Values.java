package io.chatprep.template.runtime;

import io.chatprep.template.py.PyException;
import io.chatprep.template.py.PyNone;
import io.chatprep.template.py.PyOps;
import io.chatprep.template.py.PyStr;
import io.chatprep.template.py.PyTuple;
import io.chatprep.template.py.PyTypes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Python behaviour of template values the engine needs directly: iteration, length, indexing, printing. */
public final class Values {
    private Values() {
    }

    public static boolean truthy(Object v) {
        return v instanceof Boolean b ? b : PyOps.truthy(v);
    }

    /** {@code str(v)} as Jinja2 prints it: Undefined prints nothing. */
    public static String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v == null) {
            return "";
        }
        if (v instanceof Long) {
            return v.toString();
        }
        if (v instanceof GeneratorValue || v instanceof Namespace || v instanceof PyCallable
                || v instanceof LoopState) {
            return v.toString();
        }
        return PyStr.str(v);
    }

    public static String typeName(Object v) {
        if (v instanceof GeneratorValue g) {
            return g.typeName();
        }
        if (v instanceof Namespace) {
            return "Namespace";
        }
        if (v instanceof LoopState) {
            return "LoopContext";
        }
        if (v instanceof PyCallable) {
            return "function";
        }
        if (v == null) {
            return "Undefined";
        }
        return PyTypes.typeName(v);
    }

    /** Python's {@code iter(v)} materialised; Undefined iterates as empty, as Jinja2's Undefined does. */
    @SuppressWarnings("unchecked")
    public static List<Object> iterate(Object v) {
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        if (v instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        if (v instanceof String s) {
            List<Object> chars = new ArrayList<>(s.length());
            s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        if (v == null) {
            return List.of();
        }
        if (v instanceof GeneratorValue g) {
            List<Object> items = new ArrayList<>();
            g.forEach(items::add);
            return items;
        }
        throw TemplateRuntimeException.typeError("'" + typeName(v) + "' object is not iterable");
    }

    public static long length(Object v) {
        if (v instanceof String s) {
            return Strings.codePointLength(s);
        }
        if (v instanceof List<?> l) {
            return l.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v == null) {
            return 0;
        }
        throw TemplateRuntimeException.typeError("object of type '" + typeName(v) + "' has no len()");
    }

    public static boolean isInt(Object v) {
        return v instanceof Long || v instanceof BigInteger || v instanceof Integer;
    }

    /** Python's {@code obj[key]} failing softly: a missing key or index gives Undefined (null), as Jinja2 does. */
    public static Object getItem(Object obj, Object key, RenderContext ctx) {
        if (obj == null) {
            throw TemplateRuntimeException.undefined("'" + describeKey(key) + "' of an undefined value");
        }
        if (key instanceof SliceValue s) {
            return slice(obj, s, ctx);
        }
        if (obj instanceof Map<?, ?> m) {
            if (key == null) {
                return null;
            }
            Object hashable = key;
            if (key instanceof List<?> && !(key instanceof PyTuple)) {
                throw TemplateRuntimeException.typeError("unhashable type: 'list'");
            }
            Object v = PyOps.lookup(m, hashable);
            if (v != null || PyOps.hasKey(m, hashable)) {
                return v;
            }
            return key instanceof String name ? Attributes.methodOrNull(obj, name) : null;
        }
        if (obj instanceof List<?> || obj instanceof String) {
            if (key instanceof Boolean b) {
                key = b ? 1L : 0L;
            }
            if (isInt(key)) {
                long len = length(obj);
                long i = ((Number) key).longValue();
                if (i < 0) {
                    i += len;
                }
                if (i < 0 || i >= len) {
                    return null;
                }
                return obj instanceof String s ? Strings.codePointAt(s, (int) i) : ((List<?>) obj).get((int) i);
            }
            if (key instanceof String name) {
                return Attributes.methodOrNull(obj, name);
            }
            return null;
        }
        if (obj instanceof GeneratorValue g) {
            throw TemplateRuntimeException.typeError("'" + g.typeName() + "' object is not subscriptable");
        }
        if (key instanceof String name) {
            return Attributes.getAttr(obj, name, ctx);
        }
        return null;
    }

    private static String describeKey(Object key) {
        return key instanceof String s ? s : PyStr.repr(key);
    }

    private static Object slice(Object obj, SliceValue s, RenderContext ctx) {
        boolean isString = obj instanceof String;
        List<?> list;
        int[] cps = null;
        if (isString) {
            cps = ((String) obj).codePoints().toArray();
            list = null;
        } else if (obj instanceof List<?> l) {
            list = l;
        } else if (obj instanceof GeneratorValue g) {
            throw TemplateRuntimeException.typeError("'" + g.typeName() + "' object is not subscriptable");
        } else {
            throw TemplateRuntimeException.typeError("'" + typeName(obj) + "' object is not subscriptable");
        }
        int len = isString ? cps.length : list.size();
        long step = sliceIndex(s.step(), 1);
        if (step == 0) {
            throw TemplateRuntimeException.valueError("slice step cannot be zero");
        }
        long start;
        long stop;
        if (step > 0) {
            start = clampSlice(s.start(), 0, len, 0, len);
            stop = clampSlice(s.stop(), len, len, 0, len);
        } else {
            start = clampSlice(s.start(), len - 1, len, -1, len - 1);
            stop = clampSlice(s.stop(), -1, len, -1, len - 1);
        }
        if (isString) {
            StringBuilder sb = new StringBuilder();
            for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
                sb.appendCodePoint(cps[(int) i]);
            }
            return sb.toString();
        }
        List<Object> out = new ArrayList<>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            out.add(list.get((int) i));
        }
        return obj instanceof PyTuple ? PyTuple.copyOf(out) : java.util.Collections.unmodifiableList(out);
    }

    private static long sliceIndex(Object v, long dflt) {
        if (v == null || v == PyNone.NONE) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (isInt(v)) {
            return ((Number) v).longValue();
        }
        throw TemplateRuntimeException.typeError("slice indices must be integers or None or have an __index__ method");
    }

    private static long clampSlice(Object v, long dflt, int len, long lo, long hi) {
        if (v == null || v == PyNone.NONE) {
            return dflt;
        }
        long i = sliceIndex(v, dflt);
        if (i < 0) {
            i += len;
            if (i < lo) {
                i = lo;
            }
        } else if (i > hi) {
            i = hi;
        }
        if (i < lo) {
            i = lo;
        }
        return i;
    }

    /** Converts a {@link PyException} from the value layer into the engine's error, keeping Python's text. */
    public static TemplateRuntimeException fromPy(PyException e) {
        String type = e.pyType();
        io.chatprep.template.TemplateException.Kind kind = switch (type) {
            case "SecurityError" -> io.chatprep.template.TemplateException.Kind.SECURITY;
            case "LimitError" -> io.chatprep.template.TemplateException.Kind.LIMIT;
            default -> io.chatprep.template.TemplateException.Kind.RUNTIME;
        };
        return new TemplateRuntimeException(kind, type + ": " + e.getMessage());
    }
}
