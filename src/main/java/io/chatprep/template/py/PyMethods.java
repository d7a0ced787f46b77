package io.chatprep.template.py;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Python methods of str, dict, list and tuple, called by name on a receiver as a template would call them.
 * Mutating methods raise SecurityError like Jinja2's ImmutableSandboxedEnvironment; names the type does not
 * have are not methods ({@link #hasMethod} false), so attribute lookup yields Undefined for them.
 */
public final class PyMethods {
    private static final Set<String> STR_METHODS = Set.of("strip", "lstrip", "rstrip", "split", "rsplit",
            "splitlines", "startswith", "endswith", "replace", "upper", "lower", "title", "capitalize", "swapcase",
            "casefold", "format", "format_map", "join", "find", "rfind", "index", "rindex", "count", "isdigit",
            "isalpha", "isalnum", "isspace", "isupper", "islower", "isnumeric", "isdecimal", "istitle", "isascii", "isprintable", "isidentifier", "zfill",
            "center", "ljust", "rjust", "partition", "rpartition", "removeprefix", "removesuffix", "expandtabs");
    private static final Set<String> DICT_METHODS = Set.of("items", "keys", "values", "get", "copy");
    private static final Set<String> DICT_MUTATORS = Set.of("clear", "pop", "popitem", "setdefault", "update");
    private static final Set<String> LIST_METHODS = Set.of("index", "count", "copy");
    private static final Set<String> LIST_MUTATORS = Set.of("append", "clear", "extend", "insert", "pop", "remove",
            "reverse", "sort");
    private static final Set<String> TUPLE_METHODS = Set.of("index", "count");

    private static final Object ABSENT = new Object();

    private PyMethods() {
    }

    /** True when {@code name} is an attribute Jinja2 would find on the receiver (mutators and _names included). */
    public static boolean hasMethod(Object self, String name) {
        if (name.startsWith("_")) {
            return self != null;
        }
        if (self instanceof String) {
            return STR_METHODS.contains(name);
        }
        if (self instanceof Map) {
            return DICT_METHODS.contains(name) || DICT_MUTATORS.contains(name);
        }
        if (self instanceof PyTuple) {
            return TUPLE_METHODS.contains(name);
        }
        if (self instanceof List) {
            return LIST_METHODS.contains(name) || LIST_MUTATORS.contains(name);
        }
        return false;
    }

    /** False for the attributes the immutable sandbox refuses: mutators and names starting with an underscore. */
    public static boolean isSafe(Object self, String name) {
        return !(name.startsWith("_")
                || (self instanceof Map && DICT_MUTATORS.contains(name))
                || (self instanceof List && !(self instanceof PyTuple) && LIST_MUTATORS.contains(name)));
    }

    /** Calls {@code self.name(*args, **kwargs)}. */
    public static Object call(Object self, String name, List<Object> args, Map<String, Object> kwargs) {
        if (self == null) {
            throw new PyException("UndefinedError", "value is undefined (no attribute '" + name + "')");
        }
        List<Object> a = args == null ? List.of() : args;
        Map<String, Object> kw = kwargs == null ? Map.of() : kwargs;
        if (!isSafe(self, name)) {
            throw PyException.securityError(name, self);
        }
        if (!hasMethod(self, name)) {
            throw new PyException("UndefinedError", "'" + PyTypes.typeName(self) + " object' has no attribute '"
                    + name + "'");
        }
        if (self instanceof String) {
            return StrMethods.call((String) self, name, a, kw);
        }
        if (self instanceof Map) {
            return dictMethod((Map<?, ?>) self, name, a, kw);
        }
        return listMethod((List<?>) self, name, a, kw);
    }

    // ---------------------------------------------------------------- argument binding

    /** Binds positional and keyword arguments to parameter names; absent parameters are {@link #isAbsent}. */
    static Object[] bind(String method, List<Object> args, Map<String, Object> kwargs, int required, String... names) {
        if (args.size() > names.length) {
            throw PyException.typeError(method + "() takes at most " + names.length + " argument"
                    + (names.length == 1 ? "" : "s") + " (" + args.size() + " given)");
        }
        Object[] bound = new Object[names.length];
        java.util.Arrays.fill(bound, ABSENT);
        for (int i = 0; i < args.size(); i++) {
            bound[i] = args.get(i);
        }
        for (Map.Entry<String, Object> e : kwargs.entrySet()) {
            int at = -1;
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(e.getKey())) {
                    at = i;
                }
            }
            if (at < 0) {
                throw PyException.typeError(method + "() got an unexpected keyword argument '" + e.getKey() + "'");
            }
            if (bound[at] != ABSENT) {
                throw PyException.typeError(method + "() got multiple values for argument '" + e.getKey() + "'");
            }
            bound[at] = e.getValue();
        }
        for (int i = 0; i < required; i++) {
            if (bound[i] == ABSENT) {
                throw PyException.typeError(method + "() missing required argument '" + names[i] + "' (pos "
                        + (i + 1) + ")");
            }
        }
        return bound;
    }

    static boolean isAbsent(Object value) {
        return value == ABSENT;
    }

    /** True for an absent argument or an explicit None. */
    static boolean isAbsentOrNone(Object value) {
        return value == ABSENT || value == PyNone.NONE;
    }

    static long intArg(String method, Object value, long absent) {
        if (isAbsent(value)) {
            return absent;
        }
        if (!PyTypes.isIntLike(value)) {
            throw PyException.typeError("'" + PyTypes.typeName(value) + "' object cannot be interpreted as an integer");
        }
        if (!PyTypes.fitsLong(value)) {
            throw new PyException("OverflowError", "Python int too large to convert to C ssize_t");
        }
        return PyTypes.toLong(value);
    }

    // ---------------------------------------------------------------- dict and list

    private static Object dictMethod(Map<?, ?> self, String name, List<Object> args, Map<String, Object> kwargs) {
        switch (name) {
            case "items": {
                bind("items", args, kwargs, 0);
                List<Object> items = new ArrayList<>(self.size());
                for (Map.Entry<?, ?> e : self.entrySet()) {
                    items.add(PyTuple.of(e.getKey(), e.getValue()));
                }
                return new PyDictView("dict_items", Collections.unmodifiableList(items));
            }
            case "keys":
                bind("keys", args, kwargs, 0);
                return new PyDictView("dict_keys", Collections.unmodifiableList(new ArrayList<>(self.keySet())));
            case "values":
                bind("values", args, kwargs, 0);
                return new PyDictView("dict_values", Collections.unmodifiableList(new ArrayList<>(self.values())));
            case "get": {
                Object[] p = bind("get", args, kwargs, 1, "key", "default");
                if (PyOps.hasKey(self, p[0])) {
                    return PyOps.lookup(self, p[0]);
                }
                return isAbsent(p[1]) ? PyNone.NONE : p[1];
            }
            case "copy":
                bind("copy", args, kwargs, 0);
                return self;
            default:
                throw new IllegalStateException(name);
        }
    }

    private static Object listMethod(List<?> self, String name, List<Object> args, Map<String, Object> kwargs) {
        switch (name) {
            case "count": {
                Object[] p = bind("count", args, kwargs, 1, "value");
                long n = 0;
                for (Object item : self) {
                    if (PyOps.eq(item, p[0])) {
                        n++;
                    }
                }
                return n;
            }
            case "index": {
                Object[] p = bind("index", args, kwargs, 1, "value", "start", "stop");
                int[] range = PyAccess.adjust(self.size(), isAbsent(p[1]) ? null : p[1], isAbsent(p[2]) ? null : p[2], 1);
                for (int i = Math.max(range[0], 0); i < range[1]; i++) {
                    if (PyOps.eq(self.get(i), p[0])) {
                        return (long) i;
                    }
                }
                throw PyException.valueError(self instanceof PyTuple ? "tuple.index(x): x not in tuple"
                        : PyStr.repr(p[0]) + " is not in list");
            }
            case "copy":
                bind("copy", args, kwargs, 0);
                return self;
            default:
                throw new IllegalStateException(name);
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
