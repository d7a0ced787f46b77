package io.chatprep.template.tree;

import io.chatprep.template.runtime.MemoryMeter;
import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The state of one render as its statements see it: the render's context, the current scope and the output being
 * written, handed to every {@link Node}. Bodies that Jinja2 renders inline (if, for, with) write to their parent's
 * output; buffered bodies (macro, set block, filter, call, generation) get one of their own, so the top-level
 * output counts what Jinja2 has yielded so far.
 */
public final class Renderer implements MemoryMeter.Roots {
    private final RenderContext ctx;
    /** The scopes and buffers of the bodies being rendered around the current one. */
    private final ArrayList<Scope> outerScopes = new ArrayList<>();
    private final ArrayList<Output> outerOutputs = new ArrayList<>();
    private Scope scope;
    private Output out;

    /** A render in {@code scope} writing to {@code out}; the render's memory is measured from this state. */
    public Renderer(RenderContext ctx, Scope scope, Output out) {
        this.ctx = ctx;
        this.scope = scope;
        this.out = out;
        ctx.memory().setRoots(this);
    }

    public RenderContext ctx() {
        return ctx;
    }

    public Scope scope() {
        return scope;
    }

    public Output out() {
        return out;
    }

    /**
     * Renders statements in order into the current output, in the current scope. What a statement built is held by
     * a variable or the output once it is done, or garbage (see {@link MemoryMeter}).
     */
    public void render(List<Node> nodes) {
        MemoryMeter memory = ctx.memory();
        for (int i = 0, n = nodes.size(); i < n; i++) {
            long mark = memory.mark();
            try {
                nodes.get(i).render(this);
            } finally {
                memory.release(mark);
            }
        }
    }

    /** Renders statements in {@code inner} scope, writing to the current output (inline bodies). */
    public void renderIn(List<Node> nodes, Scope inner) {
        outerScopes.add(scope);
        scope = inner;
        try {
            render(nodes);
        } finally {
            scope = outerScopes.remove(outerScopes.size() - 1);
        }
    }

    /** Renders statements in {@code inner} scope into a buffer of their own and returns the text. */
    public String renderToString(List<Node> nodes, Scope inner) {
        outerOutputs.add(out);
        out = ctx.newOutput();
        try {
            renderIn(nodes, inner);
            return out.toString();
        } finally {
            out = outerOutputs.remove(outerOutputs.size() - 1);
        }
    }

    @Override
    public void forEachRoot(Consumer<Object> visit) {
        visit.accept(scope);
        outerScopes.forEach(visit);
        visit.accept(out);
        outerOutputs.forEach(visit);
    }
}
