package io.chatprep.template.lib.tag;

import io.chatprep.template.expr.FilterExpr;
import io.chatprep.template.parse.Markup;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.runtime.Values;
import io.chatprep.template.tree.Body;
import io.chatprep.template.tree.Renderer;
import java.util.List;

/** {@code filter name(args) | ... endfilter}: renders the body in its own scope, then filters the text. */
public final class FilterTag extends ChatTag<FilterTag.Compiled> {
    /** The filter chain and the body. */
    public record Compiled(List<FilterExpr> chain, Body body) {
    }

    @Override
    public String name() {
        return "filter";
    }

    @Override
    public String endName() {
        return "endfilter";
    }

    @Override
    protected Compiled compile(Markup.Tag tag, Parser p, TagCompiler compiler) {
        List<FilterExpr> chain = p.parseFilterChain();
        p.expectBlockEnd();
        compiler.frame().loadAll(p.takeLoads());
        return new Compiled(chain, compiler.compileFrame(tag.children(), List.of()));
    }

    @Override
    protected void render(Compiled c, Renderer r) {
        Object value = r.renderToString(c.body().nodes(), c.body().scopeIn(r.scope()));
        for (FilterExpr f : c.chain()) {
            value = f.applyTo(value, r.scope());
        }
        r.out().write(Values.str(value));
    }
}
