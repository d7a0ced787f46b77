package io.chatprep.template.py;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jinja2's filters over sequences and mappings: items, list, reverse, first, last, sort, unique, dictsort, sum,
 * batch, slice, min/max, map, select/reject, selectattr/rejectattr, groupby, attr. Lazy filters of Jinja2
 * return lists here.
 */
public final class SequenceFilters {
    /** The fields of Jinja2's groupby tuples ({@code group.grouper}, {@code group.list}). */
    private static final List<String> GROUP_FIELDS = List.of("grouper", "list");

    private SequenceFilters() {
    }

    /** {@code x|items}: the (key, value) pairs of a mapping; Undefined gives none. */
    public static List<Object> items(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Map)) {
            throw PyException.typeError("Can only get item pairs from a mapping.");
        }
        List<Object> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            out.add(PyTuple.of(e.getKey(), e.getValue()));
        }
        return Collections.unmodifiableList(out);
    }

    /** Python's {@code list(value)}. */
    public static List<Object> list(Object value) {
        return Collections.unmodifiableList(new ArrayList<>(PyFilters.iterate(value)));
    }

    public static Object reverse(Object value) {
        if (value instanceof String) {
            return PyAccess.slice(value, null, null, -1L);
        }
        if (!(value instanceof List || value instanceof Map || value instanceof Iterable || value == null)) {
            throw PyFilters.argumentError("argument must be iterable");
        }
        List<Object> out = new ArrayList<>(PyFilters.iterate(value));
        Collections.reverse(out);
        return Collections.unmodifiableList(out);
    }

    public static Object first(Object value) {
        if (value != null && !(value instanceof Iterable || value instanceof Map || value instanceof String)) {
            throw PyException.typeError("'" + PyTypes.typeName(value) + "' object is not iterable");
        }
        List<?> items = PyFilters.iterate(value);
        return items.isEmpty() ? null : items.get(0);
    }

    public static Object last(Object value) {
        if (value != null && !(value instanceof List || value instanceof Map || value instanceof String)) {
            throw PyException.typeError("'" + PyTypes.typeName(value) + "' object is not reversible");
        }
        List<?> items = PyFilters.iterate(value);
        return items.isEmpty() ? null : items.get(items.size() - 1);
    }

    /** Jinja2's sort: stable, case-insensitive unless asked, by item or by (dotted, comma-separated) attributes. */
    public static List<Object> sort(Object value, boolean reverse, boolean caseSensitive, Object attribute) {
        List<?> items = PyFilters.iterate(value);
        List<String> specs = new ArrayList<>();
        if (attribute instanceof String) {
            for (Object part : StrSplit.split((String) attribute, ",", -1)) {
                specs.add((String) part);
            }
        }
        List<Object[]> keyed = new ArrayList<>(items.size());
        PyLimits.Clock clock = PyLimits.clock();
        for (Object item : items) {
            clock.tick();
            List<Object> key = new ArrayList<>();
            if (attribute == null || attribute == PyNone.NONE) {
                key.add(caseSensitive ? item : ignoreCase(item));
            } else if (specs.isEmpty()) {
                key.add(postprocess(new AttributePath(attribute).get(item), caseSensitive));
            } else {
                for (String spec : specs) {
                    key.add(postprocess(new AttributePath(spec).get(item), caseSensitive));
                }
            }
            keyed.add(new Object[] {Collections.unmodifiableList(key), item});
        }
        sortKeyed(keyed, reverse);
        List<Object> out = new ArrayList<>(keyed.size());
        for (Object[] pair : keyed) {
            out.add(pair[1]);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Python's stable sort on precomputed keys. Like CPython, a reverse sort reverses, sorts ascending and
     * reverses back: equal items keep their order and mixed types fail on the same pair as in Python.
     */
    private static void sortKeyed(List<Object[]> keyed, boolean reverse) {
        if (reverse) {
            Collections.reverse(keyed);
        }
        PyLimits.Clock clock = PyLimits.clock();
        keyed.sort((x, y) -> {
            clock.tick(); // a sort of millions of items takes seconds: the render's clock must hold inside it
            return lessThan(x[0], y[0]) ? -1 : (lessThan(y[0], x[0]) ? 1 : 0);
        });
        if (reverse) {
            Collections.reverse(keyed);
        }
    }

    private static boolean lessThan(Object a, Object b) {
        return PyOps.lt(a, b);
    }

    private static Object postprocess(Object value, boolean caseSensitive) {
        return caseSensitive ? value : ignoreCase(value);
    }

    private static Object ignoreCase(Object value) {
        return value instanceof String ? ((String) value).toLowerCase(java.util.Locale.ROOT) : value;
    }

    /** Jinja2's unique: first occurrence of each (case-folded unless asked) item or attribute value. */
    public static List<Object> unique(Object value, boolean caseSensitive, Object attribute) {
        AttributePath getter = attribute == null || attribute == PyNone.NONE ? null : new AttributePath(attribute);
        Set<Object> seen = new HashSet<>();
        List<Object> out = new ArrayList<>();
        PyLimits.Clock clock = PyLimits.clock();
        for (Object item : PyFilters.iterate(value)) {
            clock.tick();
            Object key = postprocess(getter == null ? item : getter.get(item), caseSensitive);
            if (seen.add(hashKey(key))) {
                out.add(item);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** A Java key that is equal exactly when the Python values are equal and hashable (1 == 1.0 == True). */
    static Object hashKey(Object value) {
        PyOps.requireHashable(value);
        if (PyTypes.isNumber(value)) {
            if (PyTypes.isIntLike(value)) {
                return PyTypes.toBigInteger(value);
            }
            double d = ((Number) value).doubleValue();
            if (!Double.isNaN(d) && !Double.isInfinite(d) && d == Math.rint(d)) {
                return new BigDecimal(d).toBigInteger();
            }
            return d;
        }
        if (value instanceof PyTuple) {
            List<Object> parts = new ArrayList<>();
            for (Object item : (PyTuple) value) {
                parts.add(hashKey(item));
            }
            return parts;
        }
        return value == null ? PyNone.class : value;
    }

    /** Jinja2's dictsort: the (key, value) pairs sorted by key or value. */
    public static List<Object> dictsort(Object value, boolean caseSensitive, Object by, boolean reverse) {
        int position;
        if ("key".equals(by)) {
            position = 0;
        } else if ("value".equals(by)) {
            position = 1;
        } else {
            throw PyFilters.argumentError("You can only sort by either \"key\" or \"value\"");
        }
        if (!(value instanceof Map)) {
            throw new PyException("AttributeError", "'" + PyTypes.typeName(value) + "' object has no attribute 'items'");
        }
        List<Object[]> keyed = new ArrayList<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            Object key = position == 0 ? e.getKey() : e.getValue();
            keyed.add(new Object[] {postprocess(key, caseSensitive), PyTuple.of(e.getKey(), e.getValue())});
        }
        sortKeyed(keyed, reverse);
        List<Object> out = new ArrayList<>();
        for (Object[] pair : keyed) {
            out.add(pair[1]);
        }
        return Collections.unmodifiableList(out);
    }

    /** Python's {@code sum(items, start)}, over an attribute of each item when given. */
    public static Object sum(Object value, Object attribute, Object start) {
        if (start instanceof String) {
            throw PyException.typeError("sum() can't sum strings [use ''.join(seq) instead]");
        }
        AttributePath getter = attribute == null || attribute == PyNone.NONE ? null : new AttributePath(attribute);
        Object total = start;
        PyLimits.Clock clock = PyLimits.clock();
        for (Object item : PyFilters.iterate(value)) {
            clock.tick();
            total = PyArithmetic.add(total, getter == null ? item : getter.get(item));
        }
        return total;
    }

    /** Jinja2's batch: lists of {@code linecount} items, the last padded with {@code fillWith} if given. */
    public static List<Object> batch(Object value, Object linecount, Object fillWith) {
        int size = PyFilters.intValue(linecount);
        List<Object> out = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        for (Object item : PyFilters.iterate(value)) {
            if (current.size() == size) {
                out.add(Collections.unmodifiableList(current));
                current = new ArrayList<>();
            }
            current.add(item);
        }
        if (!current.isEmpty()) {
            if (fillWith != null && fillWith != PyNone.NONE) {
                PyLimits.checkList(size);
                while (current.size() < size) {
                    current.add(fillWith);
                }
            }
            out.add(Collections.unmodifiableList(current));
        }
        return Collections.unmodifiableList(out);
    }

    /** Jinja2's slice: {@code slices} columns, the first ones one longer, short ones padded with {@code fillWith}. */
    public static List<Object> slice(Object value, Object slices, Object fillWith) {
        int count = PyFilters.intValue(slices);
        List<?> seq = PyFilters.iterate(value);
        if (count == 0) {
            throw new PyException("ZeroDivisionError", "integer division or modulo by zero");
        }
        int perSlice = Math.floorDiv(seq.size(), count);
        int withExtra = Math.floorMod(seq.size(), count);
        int offset = 0;
        List<Object> out = new ArrayList<>();
        for (int number = 0; number < count; number++) {
            int start = offset + number * perSlice;
            if (number < withExtra) {
                offset++;
            }
            int end = offset + (number + 1) * perSlice;
            List<Object> column = new ArrayList<>(seq.subList(Math.min(start, seq.size()), Math.min(Math.max(end, start), seq.size())));
            if (fillWith != null && fillWith != PyNone.NONE && number >= withExtra) {
                column.add(fillWith);
            }
            out.add(Collections.unmodifiableList(column));
        }
        return Collections.unmodifiableList(out);
    }

    /** Jinja2's min/max: the first smallest/largest item; Undefined for an empty sequence. */
    public static Object minMax(Object value, boolean max, boolean caseSensitive, Object attribute) {
        AttributePath getter = attribute == null || attribute == PyNone.NONE ? null : new AttributePath(attribute);
        List<?> items = PyFilters.iterate(value);
        if (items.isEmpty()) {
            return null;
        }
        Object best = items.get(0);
        Object bestKey = postprocess(getter == null ? best : getter.get(best), caseSensitive);
        PyLimits.Clock clock = PyLimits.clock();
        for (int i = 1; i < items.size(); i++) {
            clock.tick();
            Object item = items.get(i);
            Object key = postprocess(getter == null ? item : getter.get(item), caseSensitive);
            if (max ? PyOps.gt(key, bestKey) : PyOps.lt(key, bestKey)) {
                best = item;
                bestKey = key;
            }
        }
        return best;
    }

    /** Jinja2's map: an attribute of each item ({@code attribute=}, {@code default=}) or a filter applied to each. */
    public static List<Object> map(Object value, List<Object> args, Map<String, Object> kwargs) {
        if (!PyOps.truthy(value)) {
            return List.of();
        }
        java.util.function.Function<Object, Object> func;
        if (args.isEmpty() && kwargs.containsKey("attribute")) {
            for (String key : kwargs.keySet()) {
                if (!key.equals("attribute") && !key.equals("default")) {
                    throw PyFilters.argumentError("Unexpected keyword argument " + PyStr.repr(key));
                }
            }
            AttributePath getter = new AttributePath(kwargs.get("attribute"));
            Object fallback = kwargs.get("default");
            func = item -> {
                Object v = getter.get(item, fallback);
                return v;
            };
        } else {
            if (args.isEmpty()) {
                throw PyFilters.argumentError("map requires a filter argument");
            }
            String filter = PyStr.str(args.get(0));
            List<Object> rest = args.subList(1, args.size());
            func = item -> PyFilters.call(filter, item, rest, kwargs);
        }
        List<Object> out = new ArrayList<>();
        PyLimits.Clock clock = PyLimits.clock();
        for (Object item : PyFilters.iterate(value)) {
            clock.tick();
            Object mapped = func.apply(item);
            if (mapped != item) {
                // new values (a filter's results) all live until the list is returned: the render's memory
                // account sees them as they are made, not only when the list is complete
                PyLimits.hold(PyLimits.sizeOf(mapped));
            }
            out.add(mapped);
        }
        return Collections.unmodifiableList(out);
    }

    /** Jinja2's select/reject and selectattr/rejectattr: keep items (or item attributes) passing a test. */
    public static List<Object> selectOrReject(Object value, List<Object> args, Map<String, Object> kwargs, boolean keep,
            boolean byAttribute) {
        if (!PyOps.truthy(value)) {
            return List.of();
        }
        AttributePath getter = null;
        int offset = 0;
        if (byAttribute) {
            if (args.isEmpty()) {
                throw PyFilters.argumentError("Missing parameter for attribute name");
            }
            getter = new AttributePath(args.get(0));
            offset = 1;
        }
        String test = args.size() > offset ? PyStr.str(args.get(offset)) : null;
        List<Object> testArgs = args.size() > offset + 1 ? args.subList(offset + 1, args.size()) : List.of();
        List<Object> out = new ArrayList<>();
        PyLimits.Clock clock = PyLimits.clock();
        for (Object item : PyFilters.iterate(value)) {
            clock.tick();
            Object subject = getter == null ? item : getter.get(item);
            boolean passed = test == null ? PyOps.truthy(subject) : testWithKeywords(test, subject, testArgs, kwargs);
            if (passed == keep) {
                out.add(item);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static boolean testWithKeywords(String test, Object subject, List<Object> args, Map<String, Object> kwargs) {
        if (!PyTests.has(test)) {
            throw new PyException("TemplateRuntimeError", "No test named '" + test + "'.");
        }
        if (!kwargs.isEmpty()) {
            throw PyException.typeError("test_" + test + "() got an unexpected keyword argument '"
                    + kwargs.keySet().iterator().next() + "'");
        }
        return PyTests.call(test, subject, args);
    }

    /** Jinja2's groupby: (grouper, items) tuples sorted by the attribute. */
    public static List<Object> groupby(Object value, Object attribute, Object fallback, boolean caseSensitive) {
        AttributePath getter = new AttributePath(attribute);
        List<Object[]> keyed = new ArrayList<>();
        PyLimits.Clock clock = PyLimits.clock();
        for (Object item : PyFilters.iterate(value)) {
            clock.tick();
            keyed.add(new Object[] {postprocess(getter.get(item, fallback), caseSensitive), item});
        }
        sortKeyed(keyed, false);
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < keyed.size()) {
            Object key = keyed.get(i)[0];
            List<Object> members = new ArrayList<>();
            while (i < keyed.size() && PyOps.eq(keyed.get(i)[0], key)) {
                members.add(keyed.get(i)[1]);
                i++;
            }
            Object grouper = caseSensitive ? key : getter.get(members.get(0), fallback);
            out.add(PyTuple.named(GROUP_FIELDS, grouper, Collections.unmodifiableList(members)));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Jinja2's attr: {@code obj.name} without falling back to {@code obj['name']}. Unsafe attributes (mutators,
     * underscore names) give Undefined here, as the sandbox does.
     */
    public static Object attr(Object obj, Object name) {
        if (obj == null) {
            throw PyOps.undefined();
        }
        String attribute = PyStr.str(name);
        if (!PyMethods.hasMethod(obj, attribute) || !PyMethods.isSafe(obj, attribute)) {
            return null;
        }
        return PyAccess.getattr(obj, attribute);
    }
}
