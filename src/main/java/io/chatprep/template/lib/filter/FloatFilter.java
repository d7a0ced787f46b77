package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** {@code float(default=0.0)}: Undefined raises, as Jinja2's Undefined has no {@code __float__}. */
public final class FloatFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.apply("float", value, args);
    }
}
