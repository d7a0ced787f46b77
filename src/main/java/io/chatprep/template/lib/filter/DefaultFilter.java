package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.Set;

/** {@code default(value='', boolean=false)}: only Undefined is replaced, not None, unless boolean. */
public final class DefaultFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("default", 2, Set.of("default_value", "boolean"));
        Object dflt = args.get(0, "default_value", "");
        boolean bool = Values.truthy(args.get(1, "boolean", false));
        if (value == null || (bool && !Values.truthy(value))) {
            return dflt;
        }
        return value;
    }
}
