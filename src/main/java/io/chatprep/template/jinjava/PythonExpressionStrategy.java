package io.chatprep.template.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.expression.ExpressionStrategy;
import com.hubspot.jinjava.tree.output.RenderedOutputNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import io.chatprep.template.expr.Expr;
import io.chatprep.template.runtime.Values;

/**
 * How Jinjava's print nodes ({@code {{ ... }}}) are evaluated: with the compiled Python-exact expression, printed
 * as Python's {@code str()}, never re-interpreted as a template, and any error aborts the render.
 */
public final class PythonExpressionStrategy implements ExpressionStrategy {
    private static final long serialVersionUID = 1L;

    @Override
    public RenderedOutputNode interpretOutput(ExpressionToken token, JinjavaInterpreter interpreter) {
        RenderSession s = RenderSession.current();
        Expr e = s.tree().expression(token);
        s.ctx().at(e.line());
        return new RenderedOutputNode(Values.str(e.eval(s.scope())));
    }
}
