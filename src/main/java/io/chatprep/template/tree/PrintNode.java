package io.chatprep.template.tree;

import io.chatprep.template.expr.Expr;
import io.chatprep.template.runtime.Values;

/** {@code {{ expr }}}: the value printed as Python's {@code str()}; message content is never a template. */
public record PrintNode(Expr expr) implements Node {
    @Override
    public void render(Renderer r) {
        r.ctx().at(expr.line());
        r.out().write(Values.str(expr.eval(r.scope())));
    }
}
