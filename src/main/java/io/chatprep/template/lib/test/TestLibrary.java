package io.chatprep.template.lib.test;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Every test of Jinja2's default environment, by each of its names. */
public final class TestLibrary {
    private static final Map<String, Test> TESTS = new HashMap<>();

    static {
        for (String name : new String[] {"defined", "undefined", "none", "boolean", "true", "false", "number",
                "integer", "float", "string", "mapping", "sequence", "iterable", "odd", "even", "lower", "upper",
                "escaped"}) {
            register(new PyTestCall(name, null), name);
        }
        for (String name : new String[] {"eq", "equalto", "==", "ne", "!=", "lt", "lessthan", "<", "le", "<=",
                "gt", "greaterthan", ">", "ge", ">=", "sameas"}) {
            register(new PyTestCall(name, "other"), name);
        }
        register(new PyTestCall("divisibleby", "num"), "divisibleby");
        register(new PyTestCall("in", "seq"), "in");
        register(new EngineTests.CallableTest(), "callable");
        register(new EngineTests.FilterExists(), "filter");
        register(new EngineTests.TestExists(), "test");
    }

    private TestLibrary() {
    }

    private static void register(Test t, String... names) {
        for (String n : names) {
            TESTS.put(n, t);
        }
    }

    /** Every test by each of its names. */
    public static Map<String, Test> all() {
        return Collections.unmodifiableMap(TESTS);
    }

    /** The test named {@code name}; null when there is none. */
    public static Test get(String name) {
        return TESTS.get(name);
    }
}
