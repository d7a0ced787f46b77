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
import io.chatprep.template.tree.Frame;
import io.chatprep.template.tree.LoopControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code for target in iterable [if cond] ... [else] ... endfor}. As in Jinja2, every iteration gets a fresh
 * scope over the enclosing one: a {@code set} in the body never leaks out and does not carry over to the next
 * iteration (only a namespace attribute does). {@code loop} offers index, first/last, previtem/nextitem, cycle;
 * {@code break} / {@code continue} stop the rest of the body at once. The {@code else} body has a scope of its
 * own and runs when no iteration reached the end of its body: Jinja2 clears its flag only there, so a loop whose
 * every iteration ended in {@code break} or {@code continue} runs it too.
 */
public final class ForTag extends ChatTag<ForTag.Header> {
    private static final long serialVersionUID = 1L;

    /** Loop target, iterable, optional filter, body and else body with their frames. */
    public record Header(AssignTarget target, Expr iter, Expr filter, List<Node> body, Frame bodyFrame,
            List<Node> orElse, Frame elseFrame) {
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
        refuseLoopAssignment(node, target, p);
        p.expectName("in");
        Expr iter = p.parseTuple(false, false, Set.of("recursive"), false);
        compiler.frame().loadAll(p.takeLoads());
        Expr filter = null;
        p.setSoft(false); // the loop filter has a frame of its own, the iterable the enclosing one
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
        List<String> parameters = new ArrayList<>(target.boundNames());
        parameters.add("loop");
        Frame bodyFrame = compiler.compileFrame(parts.get(0), parameters);
        Frame elseFrame = compiler.compileFrame(orElse, List.of());
        return new Header(target, iter, filter, parts.get(0), bodyFrame, orElse, elseFrame);
    }

    @Override
    protected void render(TagNode node, Header h, RenderSession s) {
        Scope scope = s.scope();
        s.ctx().at(h.iter().line());
        List<Object> items = Values.iterate(h.iter().eval(scope));
        if (h.filter() != null) {
            // Jinja2 filters first, so loop.length and loop.last count only the selected items
            Scope testScope = scope.child();
            List<Object> kept = new ArrayList<>();
            for (Object item : items) {
                h.target().assign(testScope, item);
                if (Values.truthy(h.filter().eval(testScope))) {
                    kept.add(item);
                }
            }
            items = kept;
        }
        boolean runElse = true;
        if (!items.isEmpty()) {
            LoopState loop = new LoopState(items);
            for (int i = 0; i < items.size(); i++) {
                s.ctx().countLoopIteration();
                loop.moveTo(i);
                Scope iteration = scope.enter(h.bodyFrame());
                iteration.set("loop", loop);
                h.target().assign(iteration, items.get(i));
                LoopControl control = runBody(h.body(), iteration, s);
                if (control == null) {
                    runElse = false;
                } else if (control == LoopControl.BREAK) {
                    break;
                }
            }
        }
        if (runElse && !h.orElse().isEmpty()) {
            s.renderIn(h.orElse(), scope.enter(h.elseFrame()));
        }
    }

    /**
     * Jinja2 refuses, when it compiles a for loop, any assignment to the name {@code loop} anywhere inside it
     * (its own target included); outside of loops {@code loop} is an ordinary name.
     */
    static void refuseLoopAssignment(TagNode node, AssignTarget target, Parser p) {
        if (!target.boundNames().contains("loop")) {
            return;
        }
        for (Node n = node; n instanceof TagNode t; n = n.getParent()) {
            if (t.getName().equals("for")) {
                throw p.fail("Can't assign to special loop variable in for-loop target");
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
