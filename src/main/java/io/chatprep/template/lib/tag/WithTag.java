package io.chatprep.template.lib.tag;

import io.chatprep.template.expr.Expr;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.Token;
import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.tree.AssignTarget;
import io.chatprep.template.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code with a = x, b = y ... endwith}: an inner scope with its own assignments. */
public final class WithTag implements Tag {
    @Override
    public String name() {
        return "with";
    }

    @Override
    public Node parse(Parser p, Token nameToken) {
        List<AssignTarget> targets = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (p.current().kind() != Token.Kind.BLOCK_END) {
            if (!targets.isEmpty()) {
                p.expectOp(",");
            }
            targets.add(p.parseAssignTarget(false, Set.of()));
            p.expectOp("=");
            values.add(p.parseExpression());
        }
        p.expectBlockEnd();
        Node[] body = p.subparse(Set.of("endwith"));
        p.next();
        p.expectBlockEnd();
        return new WithNode(targets, values, body);
    }

    record WithNode(List<AssignTarget> targets, List<Expr> values, Node[] body) implements Node {
        @Override
        public void render(Scope scope, Output out) {
            Scope inner = scope.child();
            for (int i = 0; i < targets.size(); i++) {
                targets.get(i).assign(inner, values.get(i).eval(scope));
            }
            Node.renderAll(body, inner, out);
        }
    }
}
