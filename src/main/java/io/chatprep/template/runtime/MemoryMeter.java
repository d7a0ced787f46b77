package io.chatprep.template.runtime;

import io.chatprep.template.py.PyLimits;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Bounds the memory one render holds: the sum of the live strings, lists and dicts it built and of its output,
 * not only the size of each (a template can keep a thousand strings of 7 M characters in a namespace list, each
 * under the per-string cap). Legitimate renders allocate far more than they hold: a template that appends each
 * message to a string over 500 messages builds 500 ever longer strings, of which only the last is live. So
 * what is counted is what can still be reached, in two parts:
 * <ul>
 *   <li><b>held</b>: everything reachable from the render's live state, measured by walking it: the variables of
 *       every scope in use (a loop iteration, a macro call, and the scopes macros were defined in), namespace
 *       attributes, loop items, and the output buffers being written. A value reachable twice counts once; the
 *       render's input variables count only where the template holds them in its own variables.</li>
 *   <li><b>in flight</b>: the values built since the current statement began (operator, filter, method and macro
 *       results, list and dict literals, and each new value {@code map} makes), which may not be reachable from
 *       any variable yet. When a statement ends, its values are either in the output or in a variable, where the
 *       walk finds them, or garbage, so its in-flight part is dropped.</li>
 * </ul>
 * Sizes are estimates ({@link PyLimits#sizeOf}: 2 bytes per character, 8 per list item, 16 per dict entry). The
 * walk costs time in proportion to what is held, so it runs only after another quarter of the budget has been
 * built, or when held plus in flight would exceed the budget; held + in flight above the budget is a LimitError.
 */
public final class MemoryMeter {
    /** The render's live state, visited by {@link #measure}. */
    public interface Roots {
        void forEachRoot(Consumer<Object> visit);
    }

    private final long budget;
    private final long step;
    private final RenderContext ctx;
    private Roots roots = visit -> { };
    private long inFlight;
    private long sinceMeasure;
    private long held;

    MemoryMeter(long budget, RenderContext ctx) {
        this.budget = budget;
        this.step = Math.max(budget / 4, 1);
        this.ctx = ctx;
    }

    public void setRoots(Roots roots) {
        this.roots = roots;
    }

    /** Where the current statement's in-flight values start. */
    public long mark() {
        return inFlight;
    }

    /** The statement that began at {@code mark} is over: its values are held elsewhere or garbage. */
    public void release(long mark) {
        inFlight = mark;
    }

    /** A value of about {@code bytes} was just built. */
    public void charge(long bytes) {
        if (bytes <= 0) {
            return;
        }
        inFlight += bytes;
        sinceMeasure += bytes;
        if (sinceMeasure >= step || held + inFlight > budget) {
            sinceMeasure = 0;
            held = measure();
            if (held + inFlight > budget) {
                throw ctx.limitError("render memory limit of " + megabytes(budget) + " MB exceeded (about "
                        + megabytes(held + inFlight) + " MB of strings, lists and output held at once)");
            }
        }
    }

    private static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** Estimated bytes reachable from the roots, each object counted once. */
    long measure() {
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object> todo = new ArrayDeque<>();
        roots.forEachRoot(v -> {
            if (v != null) {
                todo.push(v);
            }
        });
        PyLimits.Clock clock = PyLimits.clock();
        long total = 0;
        while (!todo.isEmpty()) {
            Object v = todo.pop();
            if (seen.put(v, Boolean.TRUE) != null) {
                continue;
            }
            clock.tick();
            total += PyLimits.sizeOf(v);
            Consumer<Object> next = child -> {
                if (child != null && !(child instanceof Boolean) && !(child instanceof Number)) {
                    todo.push(child);
                }
            };
            if (v instanceof Output o) {
                total += 2L * o.length();
            } else if (v instanceof Scope s) {
                s.forEachValue(next);
                next.accept(s.parent());
            } else if (v instanceof List<?> l) {
                l.forEach(next);
            } else if (v instanceof Map<?, ?> m) {
                m.forEach((key, value) -> {
                    next.accept(key);
                    next.accept(value);
                });
            } else if (v instanceof Namespace ns) {
                ns.forEachValue(next);
            } else if (v instanceof LoopState loop) {
                next.accept(loop.items());
            } else if (v instanceof Macro macro) {
                next.accept(macro.definedIn());
            } else if (v instanceof Cycler cycler) {
                next.accept(cycler.items());
            } else if (v instanceof GeneratorValue g) {
                next.accept(g.items());
            } else if (v instanceof BoundMethod m) {
                next.accept(m.receiver());
            } else if (v instanceof BoundCall c) {
                next.accept(c.owner());
            }
        }
        return total;
    }
}
