package io.chatprep.template.lib.tag;

import com.hubspot.jinjava.lib.tag.FlexibleTag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.TagToken;
import io.chatprep.template.TemplateException;
import io.chatprep.template.expr.Expr;
import io.chatprep.template.expr.FilterExpr;
import io.chatprep.template.jinjava.CanonicalSource;
import io.chatprep.template.jinjava.RenderSession;
import io.chatprep.template.jinjava.TreeCompiler;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.tree.AssignTarget;
import io.chatprep.template.tree.Frame;
import java.util.List;
import java.util.Set;

/** {@code set x = expr}, {@code set ns.attr = expr}, and the block form {@code set x [| filters] ... endset}. */
public final class SetTag extends ChatTag<SetTag.Header> implements FlexibleTag {
    private static final long serialVersionUID = 1L;

    /** The target and either a value or a block body (with its frame) and its filters. */
    public record Header(AssignTarget target, Expr value, List<Node> body, Frame bodyFrame, List<FilterExpr> filters) {
    }

    @Override
    public String getName() {
        return "set";
    }

    @Override
    public String getEndTagName() {
        return "endset";
    }

    /** The block form is the one without {@code =} after the target. */
    @Override
    public boolean hasEndTag(TagToken tagToken) {
        try {
            Parser p = Parser.tagHeader(CanonicalSource.tagInner(tagToken.getImage()), 1);
            p.parseAssignTarget(true, Set.of());
            return !p.current().isOp("=");
        } catch (TemplateException e) {
            return false;
        }
    }

    @Override
    public Header compile(TagNode node, Parser p, TreeCompiler compiler) {
        AssignTarget target = p.parseAssignTarget(true, Set.of());
        ForTag.refuseLoopAssignment(node, target, p);
        if (p.skipOp("=")) {
            Expr value = p.parseTuple(false, true, Set.of(), false);
            p.expectBlockEnd();
            compiler.frame().loadAll(p.takeLoads());
            compiler.frame().assign(target);
            return new Header(target, value, null, null, List.of());
        }
        compiler.frame().assign(target);
        List<FilterExpr> filters = List.of();
        if (p.skipOp("|")) {
            filters = p.parseFilterChain();
        }
        p.expectBlockEnd();
        Frame bodyFrame = compiler.compileFrame(node.getChildren(), p.takeLoads());
        return new Header(target, null, node.getChildren(), bodyFrame, filters);
    }

    @Override
    protected void render(TagNode node, Header h, RenderSession s) {
        if (h.value() != null) {
            s.ctx().at(h.value().line());
            h.target().assign(s.scope(), h.value().eval(s.scope()));
            return;
        }
        Object value = s.ctx().built(s.renderToString(h.body(), s.scope().enter(h.bodyFrame())));
        for (FilterExpr f : h.filters()) {
            value = f.applyTo(value, s.scope());
        }
        h.target().assign(s.scope(), value);
    }
}
