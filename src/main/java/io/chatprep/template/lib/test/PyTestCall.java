package io.chatprep.template.lib.test;

import io.chatprep.template.py.PyTests;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import java.util.List;
import java.util.Set;

/**
 * A test whose Python behaviour lives once in the value layer ({@link PyTests}); this binds the template's
 * arguments (at most one, which Jinja2 also accepts by its keyword name) and runs it.
 */
final class PyTestCall implements Test {
    private final String name;
    private final String argument;

    /** {@code argument} is the keyword name of the test's one argument, or null for a test without one. */
    PyTestCall(String name, String argument) {
        this.name = name;
        this.argument = argument;
    }

    @Override
    public boolean test(Object value, CallArgs args, RenderContext ctx) {
        if (argument == null) {
            args.check(name, 0, Set.of());
            return PyTests.call(name, value, List.of());
        }
        args.check(name, 1, Set.of(argument));
        List<Object> bound = args.has(0, argument) ? java.util.Collections.singletonList(args.get(0, argument, null))
                : List.of();
        return PyTests.call(name, value, bound);
    }
}
