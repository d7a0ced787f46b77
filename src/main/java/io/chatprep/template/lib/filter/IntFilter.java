package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** {@code int(default=0, base=10)}: Undefined raises, as Jinja2's Undefined has no {@code __int__}. */
public final class IntFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.apply("int", value, args);
    }
}
