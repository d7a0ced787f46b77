package io.chatprep.template.lib.tag;

import io.chatprep.template.expr.Expr;
import io.chatprep.template.expr.FilterExpr;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.Token;
import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.tree.AssignTarget;
import io.chatprep.template.tree.Node;
import java.util.List;
import java.util.Set;

/** {@code set x = expr}, {@code set ns.attr = expr}, and the block form {@code set x [| filters] ... endset}. */
public final class SetTag implements Tag {
    @Override
    public String name() {
        return "set";
    }

    @Override
    public Node parse(Parser p, Token nameToken) {
        AssignTarget target = p.parseAssignTarget(true, Set.of());
        if (p.skipOp("=")) {
            Expr value = p.parseTuple(false, true, Set.of(), false);
            p.expectBlockEnd();
            return new SetNode(target, value);
        }
        List<FilterExpr> filters = List.of();
        if (p.skipOp("|")) {
            filters = p.parseFilterChain();
        }
        p.expectBlockEnd();
        Node[] body = p.subparse(Set.of("endset"));
        p.next();
        p.expectBlockEnd();
        return new SetBlockNode(target, body, filters);
    }

    record SetNode(AssignTarget target, Expr value) implements Node {
        @Override
        public void render(Scope scope, Output out) {
            scope.ctx().at(value.line());
            target.assign(scope, value.eval(scope));
        }
    }

    record SetBlockNode(AssignTarget target, Node[] body, List<FilterExpr> filters) implements Node {
        @Override
        public void render(Scope scope, Output out) {
            Output buffer = scope.ctx().newOutput();
            Node.renderAll(body, scope.child(), buffer);
            Object value = buffer.toString();
            for (FilterExpr f : filters) {
                value = f.applyTo(value, scope);
            }
            target.assign(scope, value);
        }
    }
}
