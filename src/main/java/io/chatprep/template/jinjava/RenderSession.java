package io.chatprep.template.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;
import io.chatprep.template.runtime.MemoryMeter;
import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The state of the render running on this thread, as the tags and the expression strategy see it: the
 * compiled tree, the Jinjava interpreter, the current scope and the output being written. Bodies that Jinja2
 * renders inline (if, for, with) write to their parent's output; buffered bodies (macro, set block, filter,
 * call, generation) get one of their own, so the top-level output counts what Jinja2 has yielded so far.
 */
public final class RenderSession implements AutoCloseable, MemoryMeter.Roots {
    private static final ThreadLocal<RenderSession> CURRENT = new ThreadLocal<>();

    private final CompiledTree tree;
    private final JinjavaInterpreter interpreter;
    private final RenderContext ctx;
    private final RenderSession previous;
    /** The scopes and buffers of the bodies being rendered around the current one. */
    private final ArrayList<Scope> outerScopes = new ArrayList<>();
    private final ArrayList<Output> outerOutputs = new ArrayList<>();
    private Scope scope;
    private Output out;

    private RenderSession(CompiledTree tree, JinjavaInterpreter interpreter, RenderContext ctx, Scope scope,
            Output out) {
        this.tree = tree;
        this.interpreter = interpreter;
        this.ctx = ctx;
        this.scope = scope;
        this.out = out;
        this.previous = CURRENT.get();
    }

    public static RenderSession open(CompiledTree tree, JinjavaInterpreter interpreter, RenderContext ctx, Scope scope,
            Output out) {
        RenderSession s = new RenderSession(tree, interpreter, ctx, scope, out);
        ctx.memory().setRoots(s);
        CURRENT.set(s);
        return s;
    }

    public static RenderSession current() {
        RenderSession s = CURRENT.get();
        if (s == null) {
            throw new IllegalStateException("no chat-template render is running on this thread");
        }
        return s;
    }

    @Override
    public void close() {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    public CompiledTree tree() {
        return tree;
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
     * Renders Jinjava nodes in order into the current output, in the current scope. Each node is a statement:
     * what it built is held by a variable or the output once it is done, or garbage (see {@link MemoryMeter}).
     */
    public void render(List<Node> nodes) {
        MemoryMeter memory = ctx.memory();
        for (Node n : nodes) {
            long mark = memory.mark();
            try {
                out.write(n.render(interpreter).getValue());
            } finally {
                memory.release(mark);
            }
        }
    }

    /** Renders nodes in {@code inner} scope, writing to the current output (inline bodies). */
    public void renderIn(List<Node> nodes, Scope inner) {
        outerScopes.add(scope);
        scope = inner;
        try {
            render(nodes);
        } finally {
            scope = outerScopes.remove(outerScopes.size() - 1);
        }
    }

    /** Renders nodes in {@code inner} scope into a buffer of their own and returns the text. */
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
