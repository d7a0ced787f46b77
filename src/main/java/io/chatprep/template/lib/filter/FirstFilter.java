package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.List;
import java.util.Set;

/** {@code first}: Undefined when empty. */
public final class FirstFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("first", 0, Set.of());
        List<Object> items = Values.iterate(value);
        return items.isEmpty() ? null : items.get(0);
    }
}
