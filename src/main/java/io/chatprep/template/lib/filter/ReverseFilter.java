package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import java.util.List;
import java.util.Map;

/**
 * {@code reverse}: a reversed string; Python's reverse iterator over a list or dict (iterable once); for other
 * iterables the reversed list Jinja2 builds.
 */
public final class ReverseFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        Object reversed = PyFilterCall.apply("reverse", value, args);
        if (value instanceof List<?>) {
            return PyFilterCall.generator(reversed, "list_reverseiterator");
        }
        if (value instanceof Map<?, ?>) {
            return PyFilterCall.generator(reversed, "dict_reversekeyiterator");
        }
        return reversed;
    }
}
