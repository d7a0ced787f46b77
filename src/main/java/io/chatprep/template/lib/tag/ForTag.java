package io.chatprep.template.lib.tag;

import io.chatprep.template.expr.Expr;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.Token;
import io.chatprep.template.runtime.LoopState;
import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.Values;
import io.chatprep.template.tree.AssignTarget;
import io.chatprep.template.tree.LoopControl;
import io.chatprep.template.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code for target in iterable [if cond] ... [else] ... endfor}. The body gets one scope for the whole loop,
 * so a {@code set} inside never leaks out; {@code loop} offers index, first/last, previtem/nextitem, cycle.
 */
public final class ForTag implements Tag {
    @Override
    public String name() {
        return "for";
    }

    @Override
    public Node parse(Parser p, Token nameToken) {
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
        Node[] body = p.subparse(Set.of("endfor", "else"));
        Node[] orElse = new Node[0];
        if (p.next().value().equals("else")) {
            p.expectBlockEnd();
            orElse = p.subparse(Set.of("endfor"));
            p.next();
        }
        p.expectBlockEnd();
        return new ForNode(target, iter, filter, body, orElse);
    }

    record ForNode(AssignTarget target, Expr iter, Expr filter, Node[] body, Node[] orElse) implements Node {
        @Override
        public void render(Scope scope, Output out) {
            scope.ctx().at(iter.line());
            List<Object> items = Values.iterate(iter.eval(scope));
            Scope loopScope = scope.child();
            if (filter != null) {
                // Jinja2 filters first, so loop.length and loop.last count only the selected items
                List<Object> kept = new ArrayList<>();
                for (Object item : items) {
                    target.assign(loopScope, item);
                    if (Values.truthy(filter.eval(loopScope))) {
                        kept.add(item);
                    }
                }
                items = kept;
                loopScope = scope.child();
            }
            if (items.isEmpty()) {
                Node.renderAll(orElse, scope, out);
                return;
            }
            Object outerLoop = scope.lookup("loop");
            LoopState loop = new LoopState(items, outerLoop instanceof LoopState l ? l : null);
            loopScope.set("loop", loop);
            for (int i = 0; i < items.size(); i++) {
                scope.ctx().countLoopIteration();
                loop.moveTo(i);
                target.assign(loopScope, items.get(i));
                try {
                    Node.renderAll(body, loopScope, out);
                } catch (LoopControl c) {
                    if (c == LoopControl.BREAK) {
                        break;
                    }
                }
            }
        }
    }
}
