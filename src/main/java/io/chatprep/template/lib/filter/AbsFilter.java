package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyOps;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import java.util.Set;

/** {@code abs}. */
public final class AbsFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("abs", 0, Set.of());
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof Double d) {
            return Math.abs(d);
        }
        if (Values.isInt(value)) {
            return PyOps.lt(value, 0L) ? PyOps.neg(value) : value;
        }
        throw TemplateRuntimeException.typeError("bad operand type for abs(): '" + Values.typeName(value) + "'");
    }
}
