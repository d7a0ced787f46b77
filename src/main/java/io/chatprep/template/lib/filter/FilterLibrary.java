package io.chatprep.template.lib.filter;

import io.chatprep.template.jinjava.ChatJinjava;
import io.chatprep.template.jinjava.JinjavaFilter;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Every filter transformers' environment offers, by name, registered in Jinjava's filter library (see
 * {@code jinjava.ChatJinjava}). {@code fromjson}-style filters do not exist.
 */
public final class FilterLibrary {
    private static final Map<String, Filter> FILTERS = new HashMap<>();

    static {
        register(new DefaultFilter(), "default", "d");
        register(new LengthFilter(), "length", "count");
        register(new StringFilter(), "string");
        register(new SafeFilter(), "safe");
        register(new EscapeFilter(), "escape", "e", "forceescape");
        register(new UpperFilter(), "upper");
        register(new LowerFilter(), "lower");
        register(new CapitalizeFilter(), "capitalize");
        register(new TitleFilter(), "title");
        register(new TrimFilter(), "trim");
        register(new ReplaceFilter(), "replace");
        register(new JoinFilter(), "join");
        register(new FirstFilter(), "first");
        register(new LastFilter(), "last");
        register(new ListFilter(), "list");
        register(new ItemsFilter(), "items");
        register(new SortFilter(), "sort");
        register(new DictSortFilter(), "dictsort");
        register(new UniqueFilter(), "unique");
        register(new ReverseFilter(), "reverse");
        register(new MapFilter(), "map");
        register(new SelectFilter(true, false), "select");
        register(new SelectFilter(false, false), "reject");
        register(new SelectFilter(true, true), "selectattr");
        register(new SelectFilter(false, true), "rejectattr");
        register(new TojsonFilter(), "tojson");
        register(new IntFilter(), "int");
        register(new FloatFilter(), "float");
        register(new AbsFilter(), "abs");
        register(new RoundFilter(), "round");
        register(new IndentFilter(), "indent");
        register(new SumFilter(), "sum");
        register(new MinMaxFilter(false), "min");
        register(new MinMaxFilter(true), "max");
        register(new BatchFilter(), "batch");
        register(new CenterFilter(), "center");
        register(new WordcountFilter(), "wordcount");
        register(new FormatFilter(), "format");
        register(new AttrFilter(), "attr");
        for (String name : new String[] {"truncate", "wordwrap", "striptags", "slice"}) {
            register(new PyFilterDelegate(name), name);
        }
    }

    private FilterLibrary() {
    }

    private static void register(Filter f, String... names) {
        for (String n : names) {
            FILTERS.put(n, f);
        }
    }

    /** Every filter by each of its names, for registration in Jinjava's filter library. */
    public static Map<String, Filter> all() {
        return Collections.unmodifiableMap(FILTERS);
    }

    /** The filter registered in Jinjava's library under {@code name}; null when none of ours has that name. */
    public static Filter get(String name) {
        com.hubspot.jinjava.lib.filter.Filter f = ChatJinjava.get().getGlobalContext().getFilter(name);
        return f instanceof JinjavaFilter ours ? ours.filter() : null;
    }

    public static boolean exists(String name) {
        return get(name) != null;
    }
}
