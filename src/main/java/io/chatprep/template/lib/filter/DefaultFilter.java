package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** {@code default(default_value='', boolean=False)}: only Undefined is replaced unless {@code boolean}. */
public final class DefaultFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.apply("default", value, args);
    }
}
