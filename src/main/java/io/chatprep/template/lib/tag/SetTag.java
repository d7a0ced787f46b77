package io.chatprep.template.lib.tag;

import io.chatprep.template.expr.Expr;
import io.chatprep.template.expr.FilterExpr;
import io.chatprep.template.parse.Markup;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.runtime.EngineException;
import io.chatprep.template.tree.AssignTarget;
import io.chatprep.template.tree.Body;
import io.chatprep.template.tree.Renderer;
import java.util.List;
import java.util.Set;

/** {@code set x = expr}, {@code set ns.attr = expr}, and the block form {@code set x [| filters] ... endset}. */
public final class SetTag extends ChatTag<SetTag.Compiled> implements OptionalEndTag {
    /** The target and either a value or a block body and its filters. */
    public record Compiled(AssignTarget target, Expr value, Body body, List<FilterExpr> filters) {
    }

    @Override
    public String name() {
        return "set";
    }

    @Override
    public String endName() {
        return "endset";
    }

    /** The block form is the one without {@code =} after the target. */
    @Override
    public boolean hasEndTag(Parser header) {
        try {
            header.parseAssignTarget(true, Set.of());
            return !header.current().isOp("=");
        } catch (EngineException e) {
            return false;
        }
    }

    @Override
    protected Compiled compile(Markup.Tag tag, Parser p, TagCompiler compiler) {
        AssignTarget target = p.parseAssignTarget(true, Set.of());
        ForTag.refuseLoopAssignment(tag, target, p);
        if (p.skipOp("=")) {
            Expr value = p.parseTuple(false, true, Set.of(), false);
            p.expectBlockEnd();
            compiler.frame().loadAll(p.takeLoads());
            compiler.frame().assign(target);
            return new Compiled(target, value, null, List.of());
        }
        compiler.frame().assign(target);
        List<FilterExpr> filters = List.of();
        if (p.skipOp("|")) {
            filters = p.parseFilterChain();
        }
        p.expectBlockEnd();
        return new Compiled(target, null, compiler.compileFrame(tag.children(), p.takeLoads()), filters);
    }

    @Override
    protected void render(Compiled c, Renderer r) {
        if (c.value() != null) {
            r.ctx().at(c.value().line());
            c.target().assign(r.scope(), c.value().eval(r.scope()));
            return;
        }
        Object value = r.ctx().built(r.renderToString(c.body().nodes(), c.body().scopeIn(r.scope())));
        for (FilterExpr f : c.filters()) {
            value = f.applyTo(value, r.scope());
        }
        c.target().assign(r.scope(), value);
    }
}
