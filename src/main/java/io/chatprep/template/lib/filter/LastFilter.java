package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.GeneratorValue;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import java.util.List;
import java.util.Set;

/** {@code last}: Undefined when empty; a generator cannot be reversed, as in Python. */
public final class LastFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("last", 0, Set.of());
        if (value instanceof GeneratorValue g) {
            throw TemplateRuntimeException.typeError("'" + g.typeName() + "' object is not reversible");
        }
        List<Object> items = Values.iterate(value);
        return items.isEmpty() ? null : items.get(items.size() - 1);
    }
}
