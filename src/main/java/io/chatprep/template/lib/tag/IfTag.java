package io.chatprep.template.lib.tag;

import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import io.chatprep.template.expr.Expr;
import io.chatprep.template.jinjava.CanonicalSource;
import io.chatprep.template.jinjava.RenderSession;
import io.chatprep.template.jinjava.TreeCompiler;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.TemplateSyntaxException;
import io.chatprep.template.runtime.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code if / elif / else / endif}. Does not open a scope, as in Jinja2, and its test and branches are Jinja2's
 * soft frame: an unknown filter or test there fails only when applied.
 */
public final class IfTag extends ChatTag<IfTag.Header> {
    private static final long serialVersionUID = 1L;

    /** The tests in order, the body of each, and the else body. */
    public record Header(List<Expr> tests, List<List<Node>> bodies, List<Node> orElse) {
    }

    @Override
    public String getName() {
        return "if";
    }

    @Override
    public String getEndTagName() {
        return "endif";
    }

    @Override
    public Header compile(TagNode node, Parser header, TreeCompiler compiler) {
        List<Expr> tests = new ArrayList<>();
        List<List<Node>> bodies = new ArrayList<>();
        List<Node> orElse = List.of();
        header.setSoft(true);
        tests.add(header.parseTuple(false, true, Set.of(), false));
        header.expectBlockEnd();
        compiler.frame().loadAll(header.takeLoads());
        List<List<Node>> parts = BodySplit.at(node.getChildren(), "elif", "else");
        bodies.add(parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            List<Node> part = parts.get(i);
            TagNode marker = (TagNode) part.get(0);
            List<Node> body = part.subList(1, part.size());
            if (!orElse.isEmpty() || (i > 1 && ((TagNode) parts.get(i - 1).get(0)).getName().equals("else"))) {
                throw new TemplateSyntaxException("expected 'endif' after 'else'", compiler.line(marker));
            }
            if (marker.getName().equals("elif")) {
                Parser p = Parser.tagHeader(CanonicalSource.tagInner(marker.getMaster().getImage()), compiler.line(marker));
                p.setSoft(true);
                tests.add(p.parseTuple(false, true, Set.of(), false));
                p.expectBlockEnd();
                compiler.frame().loadAll(p.takeLoads());
                bodies.add(body);
            } else {
                orElse = body;
            }
        }
        compiler.compileBranches(node.getChildren());
        return new Header(tests, bodies, orElse);
    }

    @Override
    protected void render(TagNode node, Header h, RenderSession s) {
        for (int i = 0; i < h.tests().size(); i++) {
            Expr test = h.tests().get(i);
            s.ctx().at(test.line());
            if (Values.truthy(test.eval(s.scope()))) {
                s.render(h.bodies().get(i));
                return;
            }
        }
        s.render(h.orElse());
    }
}
