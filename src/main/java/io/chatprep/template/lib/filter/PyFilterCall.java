package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyFilters;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.GeneratorValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a filter's Python behaviour, which lives once in the value layer ({@link PyFilters}), with a template
 * call's arguments. The value layer returns lists where Jinja2 returns generators; {@link #lazily} restores the
 * generator so templates that take its length or index it fail as they do in Python.
 */
final class PyFilterCall {
    private PyFilterCall() {
    }

    static Object apply(String name, Object value, CallArgs args) {
        return PyFilters.call(name, value, args.positional(), args.keywords());
    }

    static GeneratorValue lazily(String name, Object value, CallArgs args) {
        return generator(apply(name, value, args), "generator");
    }

    static GeneratorValue generator(Object items, String typeName) {
        return new GeneratorValue(new ArrayList<>((List<?>) items), typeName);
    }
}
