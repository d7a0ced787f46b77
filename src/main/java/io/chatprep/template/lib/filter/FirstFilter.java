package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** {@code first}: Undefined when empty. */
public final class FirstFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.apply("first", value, args);
    }
}
