package io.chatprep.template.lib.tag;

import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import io.chatprep.template.expr.FilterExpr;
import io.chatprep.template.jinjava.RenderSession;
import io.chatprep.template.jinjava.TreeCompiler;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.runtime.Values;
import io.chatprep.template.tree.Frame;
import java.util.List;

/** {@code filter name(args) | ... endfilter}: renders the body in its own scope, then filters the text. */
public final class FilterTag extends ChatTag<FilterTag.Header> {
    private static final long serialVersionUID = 1L;

    /** The filter chain, the body and its frame. */
    public record Header(List<FilterExpr> chain, List<Node> body, Frame frame) {
    }

    @Override
    public String getName() {
        return "filter";
    }

    @Override
    public String getEndTagName() {
        return "endfilter";
    }

    @Override
    public Header compile(TagNode node, Parser p, TreeCompiler compiler) {
        List<FilterExpr> chain = p.parseFilterChain();
        p.expectBlockEnd();
        compiler.frame().loadAll(p.takeLoads());
        return new Header(chain, node.getChildren(), compiler.compileFrame(node.getChildren(), List.of()));
    }

    @Override
    protected void render(TagNode node, Header h, RenderSession s) {
        Object value = s.renderToString(h.body(), s.scope().enter(h.frame()));
        for (FilterExpr f : h.chain()) {
            value = f.applyTo(value, s.scope());
        }
        s.out().write(Values.str(value));
    }
}
