package io.chatprep.template.lib.tag;

import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import io.chatprep.template.expr.Expr;
import io.chatprep.template.jinjava.RenderSession;
import io.chatprep.template.jinjava.TreeCompiler;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.runtime.LoopState;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.Values;
import io.chatprep.template.tree.AssignTarget;
import io.chatprep.template.tree.LoopControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code for target in iterable [if cond] ... [else] ... endfor}. The body gets one scope for the whole loop,
 * so a {@code set} inside never leaks out; {@code loop} offers index, first/last, previtem/nextitem, cycle;
 * {@code break} / {@code continue} stop the rest of the body at once.
 */
public final class ForTag extends ChatTag<ForTag.Header> {
    private static final long serialVersionUID = 1L;

    /** Loop target, iterable, optional filter, body and else body. */
    public record Header(AssignTarget target, Expr iter, Expr filter, List<Node> body, List<Node> orElse) {
    }

    @Override
    public String getName() {
        return "for";
    }

    @Override
    public String getEndTagName() {
        return "endfor";
    }

    @Override
    public Header compile(TagNode node, Parser p, TreeCompiler compiler) {
        AssignTarget target = p.parseAssignTarget(false, Set.of("in"));
        p.expectName("in");
        Expr iter = p.parseTuple(false, false, Set.of("recursive"), false);
        Expr filter = null;
        if (p.skipName("if")) {
            filter = p.parseExpression();
        }
        if (p.current().isName("recursive")) {
            throw p.fail("recursive for loops are not supported");
        }
        p.expectBlockEnd();
        List<List<Node>> parts = BodySplit.at(node.getChildren(), "else");
        if (parts.size() > 2) {
            throw p.fail("expected 'endfor' after 'else'");
        }
        List<Node> orElse = parts.size() > 1 ? parts.get(1).subList(1, parts.get(1).size()) : List.of();
        return new Header(target, iter, filter, parts.get(0), orElse);
    }

    @Override
    protected void render(TagNode node, Header h, RenderSession s) {
        Scope scope = s.scope();
        s.ctx().at(h.iter().line());
        List<Object> items = Values.iterate(h.iter().eval(scope));
        Scope loopScope = scope.child();
        if (h.filter() != null) {
            // Jinja2 filters first, so loop.length and loop.last count only the selected items
            List<Object> kept = new ArrayList<>();
            for (Object item : items) {
                h.target().assign(loopScope, item);
                if (Values.truthy(h.filter().eval(loopScope))) {
                    kept.add(item);
                }
            }
            items = kept;
            loopScope = scope.child();
        }
        if (items.isEmpty()) {
            s.render(h.orElse());
            return;
        }
        LoopState loop = new LoopState(items);
        loopScope.set("loop", loop);
        for (int i = 0; i < items.size(); i++) {
            s.ctx().countLoopIteration();
            loop.moveTo(i);
            h.target().assign(loopScope, items.get(i));
            LoopControl control = runBody(h.body(), loopScope, s);
            if (control == LoopControl.BREAK) {
                break;
            }
        }
    }

    /** Runs one iteration; Jinjava wraps exceptions thrown by nested tags, so look through the wrapper. */
    private static LoopControl runBody(List<Node> body, Scope loopScope, RenderSession s) {
        try {
            s.renderIn(body, loopScope);
            return null;
        } catch (LoopControl c) {
            return c;
        } catch (InterpretException e) {
            if (e.getCause() instanceof LoopControl c) {
                return c;
            }
            throw e;
        }
    }
}
