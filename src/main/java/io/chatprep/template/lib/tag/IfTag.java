package io.chatprep.template.lib.tag;

import io.chatprep.template.expr.Expr;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.Token;
import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.Values;
import io.chatprep.template.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code if / elif / else / endif}. Does not open a scope, as in Jinja2. */
public final class IfTag implements Tag {
    @Override
    public String name() {
        return "if";
    }

    @Override
    public Node parse(Parser p, Token nameToken) {
        List<Expr> tests = new ArrayList<>();
        List<Node[]> bodies = new ArrayList<>();
        Node[] orElse = new Node[0];
        Set<String> ends = Set.of("elif", "else", "endif");
        tests.add(p.parseTuple(false, true, Set.of(), false));
        p.expectBlockEnd();
        while (true) {
            bodies.add(p.subparse(ends));
            String end = p.next().value();
            if (end.equals("elif")) {
                tests.add(p.parseTuple(false, true, Set.of(), false));
                p.expectBlockEnd();
            } else if (end.equals("else")) {
                p.expectBlockEnd();
                orElse = p.subparse(Set.of("endif"));
                p.next();
                p.expectBlockEnd();
                break;
            } else {
                p.expectBlockEnd();
                break;
            }
        }
        return new IfNode(tests.toArray(new Expr[0]), bodies.toArray(new Node[0][]), orElse);
    }

    record IfNode(Expr[] tests, Node[][] bodies, Node[] orElse) implements Node {
        @Override
        public void render(Scope scope, Output out) {
            for (int i = 0; i < tests.length; i++) {
                scope.ctx().at(tests[i].line());
                if (Values.truthy(tests[i].eval(scope))) {
                    Node.renderAll(bodies[i], scope, out);
                    return;
                }
            }
            Node.renderAll(orElse, scope, out);
        }
    }
}
