package io.chatprep.template.runtime;

import io.chatprep.template.py.PyLimits;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one render owns: its variables, limits and budgets (loop iterations, macro depth, time, memory), the
 * top-level output and the spans. It is the value layer's {@link PyLimits.Meter} while the render runs, so
 * long builtins check its clock and {@code map} reports the values it builds.
 */
public final class RenderContext implements PyLimits.Meter {
    private final Limits limits;
    private final LocalDateTime now;
    private final long deadlineNanos;
    private final List<int[]> spans = new ArrayList<>();
    private static final int SMALL_STRING = 64;
    private final MemoryMeter memory;
    private final int smallString;
    private Output root;
    private long loopIterations;
    private int macroDepth;
    private int clockTick;
    private int line;

    public RenderContext(Limits limits, LocalDateTime now) {
        this.limits = limits;
        this.now = now;
        this.deadlineNanos = System.nanoTime() + limits.timeBudget().toNanos();
        this.memory = new MemoryMeter(limits.maxMemoryBytes(), this);
        this.smallString = (int) Math.min(SMALL_STRING, limits.maxStringChars());
    }

    public MemoryMeter memory() {
        return memory;
    }

    /**
     * A value an operation just built: refused past the per-value size cap, and counted against the render's
     * memory. Returns it.
     */
    public Object built(Object value) {
        if (value instanceof String s) {
            // short strings (most of a render's concatenations) can only add up inside lists, dicts or the
            // output, which are counted themselves
            if (s.length() > smallString) {
                checkStringSize(s.length());
                memory.charge(2L * s.length());
            }
        } else if (value instanceof Number || value instanceof Boolean) {
            return value;
        } else if (value instanceof List<?> l) {
            checkStringSize(l.size());
            memory.charge(8L * l.size());
        } else {
            memory.charge(PyLimits.sizeOf(value));
        }
        return value;
    }

    @Override
    public void hold(long bytes) {
        memory.charge(bytes);
    }

    @Override
    public void checkTime() {
        if (System.nanoTime() > deadlineNanos) {
            throw limitError("render time budget of " + limits.timeBudget().toMillis() + " ms exceeded");
        }
    }

    /** Records the template line being rendered, so a failure can name it. */
    public void at(int templateLine) {
        line = templateLine;
    }

    public int line() {
        return line;
    }

    public Limits limits() {
        return limits;
    }

    /** The pinned clock, or the real local time when none was given. */
    public LocalDateTime now() {
        return now != null ? now : LocalDateTime.now();
    }

    public Output newOutput() {
        return new Output(this);
    }

    public void setRoot(Output root) {
        this.root = root;
    }

    /** Code points emitted at top level so far: where transformers starts a generation span. */
    public long rootCodePoints() {
        return root.codePoints();
    }

    public void addSpan(long start, long end) {
        spans.add(new int[] {(int) start, (int) end});
    }

    public int[][] spans() {
        return spans.toArray(new int[0][]);
    }

    public void countLoopIteration() {
        if (++loopIterations > limits.maxLoopIterations()) {
            throw limitError("loop iteration limit of " + limits.maxLoopIterations() + " exceeded");
        }
        checkClock();
    }

    public void enterMacro(String name) {
        if (++macroDepth > limits.maxMacroDepth()) {
            throw limitError("macro recursion depth limit of " + limits.maxMacroDepth() + " exceeded in '" + name + "'");
        }
    }

    public void exitMacro() {
        macroDepth--;
    }

    public void checkClock() {
        if ((++clockTick & 63) == 0) {
            checkTime();
        }
    }

    public void checkStringSize(long chars) {
        if (chars > limits.maxStringChars()) {
            throw limitError("string size limit of " + limits.maxStringChars() + " characters exceeded");
        }
    }

    public TemplateRuntimeException limitError(String message) {
        return new TemplateRuntimeException(EngineException.Kind.LIMIT, "LimitError: " + message);
    }
}
