package io.chatprep.template.expr;

import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.UnsafeUndefined;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A dict literal {@code {k: v}}; keys keep their order. */
public final class DictExpr extends Expr {
    private final List<Expr> keys;
    private final List<Expr> values;

    public DictExpr(List<Expr> keys, List<Expr> values, int line) {
        super(line);
        this.keys = keys;
        this.values = values;
    }

    @Override
    public Object eval(Scope scope) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            out.put(UnsafeUndefined.plain(keys.get(i).eval(scope)), UnsafeUndefined.plain(values.get(i).eval(scope)));
        }
        scope.ctx().memory().charge(16L * out.size());
        return Collections.unmodifiableMap(out);
    }
}
