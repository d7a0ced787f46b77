package io.chatprep.template.expr;

import io.chatprep.template.py.PyNone;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Unevaluated call arguments: positionals, keywords, {@code *args} and {@code **kwargs}. */
public record Arguments(List<Expr> positional, Map<String, Expr> keywords, Expr starArgs, Expr starKwargs) {
    public static final Arguments EMPTY = new Arguments(List.of(), Map.of(), null, null);

    public CallArgs eval(Scope scope) {
        if (positional.isEmpty() && keywords.isEmpty() && starArgs == null && starKwargs == null) {
            return CallArgs.NONE;
        }
        List<Object> pos = new ArrayList<>(positional.size());
        for (Expr e : positional) {
            pos.add(e.eval(scope));
        }
        if (starArgs != null) {
            pos.addAll(Values.iterate(starArgs.eval(scope)));
        }
        Map<String, Object> kw = keywords.isEmpty() && starKwargs == null ? Map.of() : new LinkedHashMap<>();
        for (Map.Entry<String, Expr> e : keywords.entrySet()) {
            kw.put(e.getKey(), e.getValue().eval(scope));
        }
        if (starKwargs != null) {
            Object m = starKwargs.eval(scope);
            if (!(m instanceof Map<?, ?> map)) {
                throw TemplateRuntimeException.typeError("argument after ** must be a mapping, not "
                        + Values.typeName(m == null ? PyNone.NONE : m));
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                kw.put(String.valueOf(e.getKey()), e.getValue());
            }
        }
        return new CallArgs(pos, kw);
    }
}
