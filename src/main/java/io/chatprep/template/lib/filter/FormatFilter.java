package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyFormat;
import io.chatprep.template.py.PyTuple;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;

/** {@code format(*args, **kwargs)}: Python's {@code %} formatting of the value. */
public final class FormatFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        if (!args.positional().isEmpty() && !args.keywords().isEmpty()) {
            throw TemplateRuntimeException.typeError("can't handle positional and keyword arguments at the same time");
        }
        Object fmtArgs = args.keywords().isEmpty() ? PyTuple.copyOf(args.positional()) : args.keywords();
        return PyFormat.percent(Values.str(value), fmtArgs);
    }
}
