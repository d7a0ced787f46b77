package io.chatprep.template.py;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Attribute, item and slice access with Jinja2's rules.
 *
 * <ul>
 *   <li>{@link #getattr}: {@code obj.name} tries the attribute (a method, as a {@link PyMethod}) and then the
 *       item {@code obj['name']}; when both miss it returns Undefined (Java null).
 *   <li>{@link #getitem}: {@code obj[key]} tries the item and then, for a str key, the attribute; a missing key
 *       or an index out of range gives Undefined.
 *   <li>On an Undefined receiver both raise UndefinedError, as Jinja2 does; calling an Undefined (a method that
 *       does not exist) is the engine's to reject.
 *   <li>Attributes the immutable sandbox refuses (names starting with an underscore, methods that mutate a list
 *       or dict) are Undefined: only a dict item of that name answers.
 * </ul>
 */
public final class PyAccess {
    private PyAccess() {
    }

    /** Jinja2's {@code obj.name}. */
    public static Object getattr(Object obj, String name) {
        if (obj == null) {
            throw new PyException("UndefinedError", "value is undefined (no attribute '" + name + "')");
        }
        if (obj instanceof PyTuple && ((PyTuple) obj).hasField(name)) {
            return ((PyTuple) obj).field(name);
        }
        if (PyMethods.hasMethod(obj, name)) {
            if (!PyMethods.isSafe(obj, name)) {
                // the sandbox refuses these attributes: only a dict item of that name can answer
                return obj instanceof Map ? PyOps.lookup((Map<?, ?>) obj, name) : null;
            }
            return new PyMethod(obj, name);
        }
        if (obj instanceof Map) {
            return PyOps.lookup((Map<?, ?>) obj, name);
        }
        if (PyTypes.isNumber(obj) && (name.equals("real") || name.equals("imag"))) {
            Object number = obj instanceof Boolean ? (Object) PyTypes.toLong(obj) : PyTypes.canonicalInt(obj);
            if (name.equals("real")) {
                return number;
            }
            return PyTypes.isFloat(obj) ? (Object) 0.0 : (Object) 0L;
        }
        return null;
    }

    /** Jinja2's {@code obj[key]}. */
    public static Object getitem(Object obj, Object key) {
        if (obj == null) {
            throw new PyException("UndefinedError", "value is undefined (no item " + PyStr.repr(key) + ")");
        }
        if (obj instanceof Map) {
            if (key != null && !(key instanceof List && !(key instanceof PyTuple)) && !(key instanceof Map)) {
                // Values are never Java null, so null means the key is absent.
                Object value = PyOps.lookup((Map<?, ?>) obj, key);
                if (value != null) {
                    return value;
                }
            }
        } else if ((PyTypes.isSequence(obj) || obj instanceof String) && PyTypes.isIntLike(key)) {
            return index(obj, key);
        }
        if (key instanceof String) {
            // obj[name] that is not an item falls back to the attribute, as Jinja2's getitem does
            return getattr(obj, (String) key);
        }
        return null;
    }

    private static Object index(Object obj, Object key) {
        if (!PyTypes.fitsLong(key)) {
            return null;
        }
        long i = PyTypes.toLong(key);
        if (obj instanceof String) {
            String s = (String) obj;
            if (PyText.isBmpOnly(s)) {
                if (i < 0) {
                    i += s.length();
                }
                return i < 0 || i >= s.length() ? null : String.valueOf(s.charAt((int) i));
            }
            int[] cps = PyText.codePoints(s);
            if (i < 0) {
                i += cps.length;
            }
            return i < 0 || i >= cps.length ? null : new String(cps, (int) i, 1);
        }
        List<?> list = (List<?>) obj;
        if (i < 0) {
            i += list.size();
        }
        return i < 0 || i >= list.size() ? null : list.get((int) i);
    }

    /**
     * Python's {@code obj[start:stop:step]} for str (by code point), list and tuple; Java null or
     * {@link PyNone#NONE} for an omitted bound. Other receivers raise TypeError, as in Jinja2.
     */
    public static Object slice(Object obj, Object start, Object stop, Object step) {
        if (obj == null) {
            throw new PyException("UndefinedError", "value is undefined (cannot be sliced)");
        }
        if (obj instanceof Map) {
            throw PyException.typeError("unhashable type: 'slice'");
        }
        if (!(obj instanceof String) && !PyTypes.isSequence(obj)) {
            throw PyException.typeError("'" + PyTypes.typeName(obj) + "' object is not subscriptable");
        }
        long stepValue = bound(step, 1);
        if (stepValue == 0) {
            throw PyException.valueError("slice step cannot be zero");
        }
        if (obj instanceof String) {
            String s = (String) obj;
            boolean bmp = PyText.isBmpOnly(s);
            int length = bmp ? s.length() : s.codePointCount(0, s.length());
            int[] range = adjust(length, start, stop, stepValue);
            if (stepValue == 1) {
                if (range[0] >= range[1]) {
                    return "";
                }
                return bmp ? s.substring(range[0], range[1]) : PyText.substring(s, range[0], range[1]);
            }
            int[] cps = PyText.codePoints(s);
            StringBuilder out = new StringBuilder();
            for (long i = range[0]; stepValue > 0 ? i < range[1] : i > range[1]; i += stepValue) {
                out.appendCodePoint(cps[(int) i]);
            }
            return out.toString();
        }
        List<?> list = (List<?>) obj;
        int[] range = adjust(list.size(), start, stop, stepValue);
        List<Object> out = new ArrayList<>();
        for (long i = range[0]; stepValue > 0 ? i < range[1] : i > range[1]; i += stepValue) {
            out.add(list.get((int) i));
        }
        return obj instanceof PyTuple ? PyTuple.copyOf(out) : Collections.unmodifiableList(out);
    }

    private static long bound(Object value, long absent) {
        if (value == null || value == PyNone.NONE) {
            return absent;
        }
        if (!PyTypes.isIntLike(value)) {
            throw PyException.typeError("slice indices must be integers or None or have an __index__ method");
        }
        if (!PyTypes.fitsLong(value)) {
            return ((java.math.BigInteger) value).signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
        return PyTypes.toLong(value);
    }

    /** CPython's slice index adjustment: {start, stop} clamped for the step's direction. */
    static int[] adjust(int length, Object startValue, Object stopValue, long step) {
        long start;
        long stop;
        if (startValue == null || startValue == PyNone.NONE) {
            start = step < 0 ? length - 1 : 0;
        } else {
            start = clamp(bound(startValue, 0), length, step);
        }
        if (stopValue == null || stopValue == PyNone.NONE) {
            stop = step < 0 ? -1 : length;
        } else {
            stop = clamp(bound(stopValue, 0), length, step);
        }
        return new int[] {(int) start, (int) stop};
    }

    private static long clamp(long index, int length, long step) {
        if (index < 0) {
            index += length;
            if (index < 0) {
                index = step < 0 ? -1 : 0;
            }
        } else if (index >= length) {
            index = step < 0 ? length - 1 : length;
        }
        return index;
    }
}
