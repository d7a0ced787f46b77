package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/** {@code round(precision=0, method='common')}: Python's correctly rounded {@code round}; always a float. */
public final class RoundFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("round", 2, Set.of("precision", "method"));
        int precision = ((Number) args.get(0, "precision", 0L)).intValue();
        String method = Values.str(args.get(1, "method", "common"));
        if (!(value instanceof Number) && !(value instanceof Boolean)) {
            throw TemplateRuntimeException.typeError("type " + Values.typeName(value) + " doesn't define __round__ method");
        }
        double d = value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return d;
        }
        RoundingMode mode = switch (method) {
            case "common" -> RoundingMode.HALF_EVEN;
            case "ceil" -> RoundingMode.CEILING;
            case "floor" -> RoundingMode.FLOOR;
            default -> throw TemplateRuntimeException.typeError("method must be common, ceil or floor");
        };
        return new BigDecimal(d).setScale(precision, mode).doubleValue();
    }
}
