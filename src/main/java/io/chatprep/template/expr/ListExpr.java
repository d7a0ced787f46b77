package io.chatprep.template.expr;

import io.chatprep.template.py.PyTuple;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.UnsafeUndefined;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A list {@code [a, b]} or tuple {@code (a, b)} literal. */
public final class ListExpr extends Expr {
    private final List<Expr> items;
    private final boolean tuple;

    public ListExpr(List<Expr> items, boolean tuple, int line) {
        super(line);
        this.items = items;
        this.tuple = tuple;
    }

    public List<Expr> items() {
        return items;
    }

    public boolean isTuple() {
        return tuple;
    }

    @Override
    public Object eval(Scope scope) {
        List<Object> out = new ArrayList<>(items.size());
        for (Expr e : items) {
            out.add(UnsafeUndefined.plain(e.eval(scope)));
        }
        scope.ctx().memory().charge(8L * out.size());
        return tuple ? PyTuple.copyOf(out) : Collections.unmodifiableList(out);
    }
}
