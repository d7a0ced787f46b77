package io.chatprep.template.lib.filter;

import io.chatprep.template.lib.method.StrMethods;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;

/** {@code capitalize}. */
public final class CapitalizeFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return StrMethods.capitalize(Values.str(value));
    }
}
