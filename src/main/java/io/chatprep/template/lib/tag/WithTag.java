package io.chatprep.template.lib.tag;

import io.chatprep.template.expr.Expr;
import io.chatprep.template.parse.Markup;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.Token;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.tree.AssignTarget;
import io.chatprep.template.tree.Body;
import io.chatprep.template.tree.Renderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code with a = x, b = y ... endwith}: an inner scope with its own assignments. */
public final class WithTag extends ChatTag<WithTag.Compiled> {
    /** Targets, their values and the body. */
    public record Compiled(List<AssignTarget> targets, List<Expr> values, Body body) {
    }

    @Override
    public String name() {
        return "with";
    }

    @Override
    public String endName() {
        return "endwith";
    }

    @Override
    protected Compiled compile(Markup.Tag tag, Parser p, TagCompiler compiler) {
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
        return new Compiled(targets, values, compiler.compileFrame(tag.children(), parameters));
    }

    @Override
    protected void render(Compiled c, Renderer r) {
        Scope inner = c.body().scopeIn(r.scope());
        for (int i = 0; i < c.targets().size(); i++) {
            c.targets().get(i).assign(inner, c.values().get(i).eval(r.scope()));
        }
        r.renderIn(c.body().nodes(), inner);
    }
}
