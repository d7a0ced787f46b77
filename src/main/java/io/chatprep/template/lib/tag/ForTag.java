package io.chatprep.template.lib.tag;

import io.chatprep.template.expr.Expr;
import io.chatprep.template.parse.Markup;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.runtime.LoopState;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.Values;
import io.chatprep.template.tree.AssignTarget;
import io.chatprep.template.tree.Body;
import io.chatprep.template.tree.LoopControl;
import io.chatprep.template.tree.Node;
import io.chatprep.template.tree.Renderer;
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
public final class ForTag extends ChatTag<ForTag.Compiled> {
    /** Loop target, iterable, optional filter, body and else body. */
    public record Compiled(AssignTarget target, Expr iter, Expr filter, Body body, Body orElse) {
    }

    @Override
    public String name() {
        return "for";
    }

    @Override
    public String endName() {
        return "endfor";
    }

    @Override
    protected Compiled compile(Markup.Tag tag, Parser p, TagCompiler compiler) {
        AssignTarget target = p.parseAssignTarget(false, Set.of("in"));
        refuseLoopAssignment(tag, target, p);
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
        List<List<Markup>> parts = BodySplit.at(tag.children(), "else");
        if (parts.size() > 2) {
            throw p.fail("expected 'endfor' after 'else'");
        }
        List<Markup> orElse = parts.size() > 1 ? BodySplit.afterMarker(parts.get(1)) : List.of();
        List<String> parameters = new ArrayList<>(target.boundNames());
        parameters.add("loop");
        Body body = compiler.compileFrame(parts.get(0), parameters);
        return new Compiled(target, iter, filter, body, compiler.compileFrame(orElse, List.of()));
    }

    @Override
    protected void render(Compiled c, Renderer r) {
        Scope scope = r.scope();
        r.ctx().at(c.iter().line());
        List<Object> items = Values.iterate(c.iter().eval(scope));
        if (c.filter() != null) {
            // Jinja2 filters first, so loop.length and loop.last count only the selected items
            Scope testScope = scope.child();
            List<Object> kept = new ArrayList<>();
            for (Object item : items) {
                c.target().assign(testScope, item);
                if (Values.truthy(c.filter().eval(testScope))) {
                    kept.add(item);
                }
            }
            items = kept;
        }
        boolean runElse = true;
        if (!items.isEmpty()) {
            LoopState loop = new LoopState(items);
            for (int i = 0; i < items.size(); i++) {
                r.ctx().countLoopIteration();
                loop.moveTo(i);
                Scope iteration = c.body().scopeIn(scope);
                iteration.set("loop", loop);
                c.target().assign(iteration, items.get(i));
                LoopControl control = runBody(c.body().nodes(), iteration, r);
                if (control == null) {
                    runElse = false;
                } else if (control == LoopControl.BREAK) {
                    break;
                }
            }
        }
        if (runElse && !c.orElse().nodes().isEmpty()) {
            r.renderIn(c.orElse().nodes(), c.orElse().scopeIn(scope));
        }
    }

    /**
     * Jinja2 refuses, when it compiles a for loop, any assignment to the name {@code loop} anywhere inside it
     * (its own target included); outside of loops {@code loop} is an ordinary name.
     */
    static void refuseLoopAssignment(Markup.Tag tag, AssignTarget target, Parser p) {
        if (!target.boundNames().contains("loop")) {
            return;
        }
        for (Markup.Tag t = tag; t != null; t = t.parent()) {
            if (t.name().equals("for")) {
                throw p.fail("Can't assign to special loop variable in for-loop target");
            }
        }
    }

    /** Runs one iteration; {@code break} or {@code continue} ends it early. */
    private static LoopControl runBody(List<Node> body, Scope loopScope, Renderer r) {
        try {
            r.renderIn(body, loopScope);
            return null;
        } catch (LoopControl c) {
            return c;
        }
    }
}
