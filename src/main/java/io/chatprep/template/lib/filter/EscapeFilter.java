package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** {@code escape} / {@code e} / {@code forceescape}: markupsafe's HTML escaping. */
public final class EscapeFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        return PyFilterCall.apply("escape", value, args);
    }
}
