package io.chatprep.template.lib.tag;

import io.chatprep.template.expr.FilterExpr;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.Token;
import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.Values;
import io.chatprep.template.tree.Node;
import java.util.List;
import java.util.Set;

/** {@code filter name(args) | ... endfilter}: renders the body, then filters the text. */
public final class FilterTag implements Tag {
    @Override
    public String name() {
        return "filter";
    }

    @Override
    public Node parse(Parser p, Token nameToken) {
        List<FilterExpr> chain = p.parseFilterChain();
        p.expectBlockEnd();
        Node[] body = p.subparse(Set.of("endfilter"));
        p.next();
        p.expectBlockEnd();
        return new FilterBlockNode(chain, body);
    }

    record FilterBlockNode(List<FilterExpr> chain, Node[] body) implements Node {
        @Override
        public void render(Scope scope, Output out) {
            Output buffer = scope.ctx().newOutput();
            Node.renderAll(body, scope.child(), buffer);
            Object value = buffer.toString();
            for (FilterExpr f : chain) {
                value = f.applyTo(value, scope);
            }
            out.write(Values.str(value));
        }
    }
}
