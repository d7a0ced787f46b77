package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyFilters;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/**
 * A filter whose Python behaviour is implemented once in the value layer ({@link PyFilters}) and needs nothing
 * from the engine: {@code truncate}, {@code wordwrap}, {@code striptags}, {@code slice}.
 */
public final class PyFilterDelegate implements Filter {
    private final String name;

    public PyFilterDelegate(String name) {
        this.name = name;
    }

    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilters.call(name, value, args.positional(), args.keywords());
    }
}
