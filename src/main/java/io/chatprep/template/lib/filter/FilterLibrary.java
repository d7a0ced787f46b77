package io.chatprep.template.lib.filter;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Every filter transformers' environment offers, by each of its names. Most are the value layer's Python
 * behaviour ({@code py.PyFilters}) applied to the template's arguments, so they are rows of the table below; a
 * filter that needs the engine's own values has a class of its own. {@code fromjson}-style filters do not exist.
 */
public final class FilterLibrary {
    private static final Map<String, Filter> FILTERS = new HashMap<>();

    static {
        python("default", "d");
        python("length", "count");
        python("string");
        python("escape", "e", "forceescape");
        python("upper");
        python("lower");
        python("capitalize");
        python("title");
        python("trim");
        python("replace");
        python("join");
        python("first");
        python("last");
        python("list");
        python("sort");
        python("dictsort");
        python("tojson");
        python("int");
        python("float");
        python("abs");
        python("round");
        python("indent");
        python("sum");
        python("min");
        python("max");
        python("center");
        python("wordcount");
        python("format");
        python("groupby");
        python("truncate");
        python("wordwrap");
        python("striptags");
        // Jinja2 returns a generator here: the value layer's list, iterable once
        for (String name : new String[] {"items", "unique", "map", "select", "reject", "selectattr", "rejectattr",
                "batch", "slice"}) {
            register((value, args, ctx) -> PyFilterCall.lazily(name, value, args), name);
        }
        register(new SafeFilter(), "safe");
        register(new ReverseFilter(), "reverse");
        register(new AttrFilter(), "attr");
    }

    private FilterLibrary() {
    }

    /** A filter that is the value layer's filter {@code name}, under that name and {@code aliases}. */
    private static void python(String name, String... aliases) {
        Filter f = (value, args, ctx) -> PyFilterCall.apply(name, value, args);
        register(f, name);
        register(f, aliases);
    }

    private static void register(Filter f, String... names) {
        for (String n : names) {
            FILTERS.put(n, f);
        }
    }

    /** Every filter by each of its names. */
    public static Map<String, Filter> all() {
        return Collections.unmodifiableMap(FILTERS);
    }

    /** The filter named {@code name}; null when there is none. */
    public static Filter get(String name) {
        return FILTERS.get(name);
    }

    public static boolean exists(String name) {
        return FILTERS.containsKey(name);
    }
}
