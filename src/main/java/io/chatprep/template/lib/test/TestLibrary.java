package io.chatprep.template.lib.test;

import com.hubspot.jinjava.lib.exptest.ExpTest;
import io.chatprep.template.jinjava.ChatJinjava;
import io.chatprep.template.jinjava.JinjavaTest;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Every test of Jinja2's default environment, by name, registered in Jinjava's expression-test library. */
public final class TestLibrary {
    private static final Map<String, Test> TESTS = new HashMap<>();

    static {
        register(new TypeTests.Defined(), "defined");
        register(new TypeTests.Undefined(), "undefined");
        register(new TypeTests.None(), "none");
        register(new TypeTests.BooleanTest(), "boolean");
        register(new TypeTests.TrueTest(), "true");
        register(new TypeTests.FalseTest(), "false");
        register(new TypeTests.NumberTest(), "number");
        register(new TypeTests.IntegerTest(), "integer");
        register(new TypeTests.FloatTest(), "float");
        register(new TypeTests.StringTest(), "string");
        register(new TypeTests.MappingTest(), "mapping");
        register(new TypeTests.SequenceTest(), "sequence");
        register(new TypeTests.IterableTest(), "iterable");
        register(new TypeTests.CallableTest(), "callable");
        register(new ValueTests.Compare("=="), "eq", "equalto", "==");
        register(new ValueTests.Compare("!="), "ne", "!=");
        register(new ValueTests.Compare("<"), "lt", "lessthan", "<");
        register(new ValueTests.Compare("<="), "le", "<=");
        register(new ValueTests.Compare(">"), "gt", "greaterthan", ">");
        register(new ValueTests.Compare(">="), "ge", ">=");
        register(new ValueTests.Odd(), "odd");
        register(new ValueTests.Even(), "even");
        register(new ValueTests.DivisibleBy(), "divisibleby");
        register(new ValueTests.Lower(), "lower");
        register(new ValueTests.Upper(), "upper");
        register(new ValueTests.In(), "in");
        register(new ValueTests.SameAs(), "sameas");
        register(new ValueTests.Escaped(), "escaped");
        register(new ValueTests.FilterExists(), "filter");
        register(new ValueTests.TestExists(), "test");
    }

    private TestLibrary() {
    }

    private static void register(Test t, String... names) {
        for (String n : names) {
            TESTS.put(n, t);
        }
    }

    /** Every test by each of its names, for registration in Jinjava's expression-test library. */
    public static Map<String, Test> all() {
        return Collections.unmodifiableMap(TESTS);
    }

    /** The test registered in Jinjava's library under {@code name}; null when none of ours has that name. */
    public static Test get(String name) {
        ExpTest t = ChatJinjava.get().getGlobalContext().getExpTest(name);
        return t instanceof JinjavaTest ours ? ours.test() : null;
    }
}
