package io.chatprep.template.lib.filter;

import io.chatprep.template.lib.method.StrMethods;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;

/** {@code center(width=80)}. */
public final class CenterFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        long width = ((Number) args.get(0, "width", 80L)).longValue();
        return StrMethods.center(Values.str(value), width, " ", ctx);
    }
}
