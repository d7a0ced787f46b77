package io.chatprep.template.lib.filter;

import io.chatprep.template.lib.method.StrMethods;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;

/** {@code lower}. */
public final class LowerFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return StrMethods.lower(Values.str(value));
    }
}
