package io.chatprep.template.lib.fn;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code range([start,] stop[, step])}, capped like Jinja2's sandbox (MAX_RANGE). */
public final class RangeFunction implements PyCallable {
    @Override
    public Object call(CallArgs args, RenderContext ctx) {
        args.noKeywords("range");
        List<Object> p = args.positional();
        if (p.isEmpty() || p.size() > 3) {
            throw TemplateRuntimeException.typeError("range expected at most 3 arguments, got " + p.size());
        }
        long start = 0;
        long stop;
        long step = 1;
        if (p.size() == 1) {
            stop = toLong(p.get(0));
        } else {
            start = toLong(p.get(0));
            stop = toLong(p.get(1));
            if (p.size() == 3) {
                step = toLong(p.get(2));
            }
        }
        if (step == 0) {
            throw TemplateRuntimeException.valueError("range() arg 3 must not be zero");
        }
        long count = step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
                : (start > stop ? (start - stop - step - 1) / -step : 0);
        long cap = ctx.limits().maxRangeItems();
        if (count > cap) {
            throw ctx.limitError("Range too big. The sandbox blocks ranges larger than MAX_RANGE (" + cap + ").");
        }
        List<Object> out = new ArrayList<>((int) count);
        for (long i = 0, v = start; i < count; i++, v += step) {
            out.add(v);
        }
        return Collections.unmodifiableList(out);
    }

    private static long toLong(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Long l) {
            return l;
        }
        throw TemplateRuntimeException.typeError("'" + Values.typeName(v) + "' object cannot be interpreted as an integer");
    }

    @Override
    public String toString() {
        return "<class 'range'>";
    }
}
