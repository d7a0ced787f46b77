package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.Set;

/** {@code safe}: autoescape is off in transformers' environment, so only the conversion to text remains. */
public final class SafeFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("safe", 0, Set.of());
        return value instanceof String ? value : Values.str(value);
    }
}
