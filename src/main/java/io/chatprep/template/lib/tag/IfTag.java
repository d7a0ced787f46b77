package io.chatprep.template.lib.tag;

import io.chatprep.template.expr.Expr;
import io.chatprep.template.parse.Markup;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.TemplateSyntaxException;
import io.chatprep.template.runtime.Values;
import io.chatprep.template.tree.Node;
import io.chatprep.template.tree.Renderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code if / elif / else / endif}. Does not open a scope, as in Jinja2, and its test and branches are Jinja2's
 * soft frame: an unknown filter or test there fails only when applied.
 */
public final class IfTag extends ChatTag<IfTag.Compiled> {
    /** The tests in order, the body of each, and the else body. */
    public record Compiled(List<Expr> tests, List<List<Node>> bodies, List<Node> orElse) {
    }

    @Override
    public String name() {
        return "if";
    }

    @Override
    public String endName() {
        return "endif";
    }

    @Override
    protected Compiled compile(Markup.Tag tag, Parser header, TagCompiler compiler) {
        List<Expr> tests = new ArrayList<>();
        tests.add(parseTest(header, compiler));
        List<List<Markup>> parts = BodySplit.at(tag.children(), "elif", "else");
        List<List<Markup>> branches = new ArrayList<>();
        branches.add(parts.get(0));
        boolean hasElse = false;
        for (int i = 1; i < parts.size(); i++) {
            Markup.Tag marker = BodySplit.marker(parts.get(i));
            if (hasElse) {
                throw new TemplateSyntaxException("expected 'endif' after 'else'", marker.line());
            }
            if (marker.name().equals("elif")) {
                tests.add(parseTest(marker.header(), compiler));
            } else {
                hasElse = true;
            }
            branches.add(BodySplit.afterMarker(parts.get(i)));
        }
        List<List<Node>> bodies = compiler.compileBranches(branches);
        List<Node> orElse = hasElse ? bodies.remove(bodies.size() - 1) : List.of();
        return new Compiled(tests, bodies, orElse);
    }

    private static Expr parseTest(Parser p, TagCompiler compiler) {
        p.setSoft(true);
        Expr test = p.parseTuple(false, true, Set.of(), false);
        p.expectBlockEnd();
        compiler.frame().loadAll(p.takeLoads());
        return test;
    }

    @Override
    protected void render(Compiled c, Renderer r) {
        for (int i = 0; i < c.tests().size(); i++) {
            Expr test = c.tests().get(i);
            r.ctx().at(test.line());
            if (Values.truthy(test.eval(r.scope()))) {
                r.render(c.bodies().get(i));
                return;
            }
        }
        r.render(c.orElse());
    }
}
