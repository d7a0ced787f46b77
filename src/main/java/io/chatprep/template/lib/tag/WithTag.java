package io.chatprep.template.lib.tag;

import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import io.chatprep.template.expr.Expr;
import io.chatprep.template.jinjava.RenderSession;
import io.chatprep.template.jinjava.TreeCompiler;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.Token;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.tree.AssignTarget;
import io.chatprep.template.tree.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code with a = x, b = y ... endwith}: an inner scope with its own assignments. */
public final class WithTag extends ChatTag<WithTag.Header> {
    private static final long serialVersionUID = 1L;

    /** Targets, their values, the body and its frame. */
    public record Header(List<AssignTarget> targets, List<Expr> values, List<Node> body, Frame frame) {
    }

    @Override
    public String getName() {
        return "with";
    }

    @Override
    public String getEndTagName() {
        return "endwith";
    }

    @Override
    public Header compile(TagNode node, Parser p, TreeCompiler compiler) {
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
        compiler.frame().loadAll(p.takeLoads());
        List<String> parameters = new ArrayList<>();
        targets.forEach(t -> parameters.addAll(t.boundNames()));
        return new Header(targets, values, node.getChildren(), compiler.compileFrame(node.getChildren(), parameters));
    }

    @Override
    protected void render(TagNode node, Header h, RenderSession s) {
        Scope inner = s.scope().enter(h.frame());
        for (int i = 0; i < h.targets().size(); i++) {
            h.targets().get(i).assign(inner, h.values().get(i).eval(s.scope()));
        }
        s.renderIn(h.body(), inner);
    }
}
