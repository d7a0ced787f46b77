package io.chatprep.template.runtime;

import io.chatprep.template.RenderLimits;
import io.chatprep.template.TemplateException.Kind;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Everything one render owns: its variables, limits and budgets, the top-level output and the spans. */
public final class RenderContext {
    private final RenderLimits limits;
    private final LocalDateTime now;
    private final long deadlineNanos;
    private final List<int[]> spans = new ArrayList<>();
    private Output root;
    private long loopIterations;
    private int macroDepth;
    private int clockTick;
    private int line;

    public RenderContext(RenderLimits limits, LocalDateTime now) {
        this.limits = limits;
        this.now = now;
        this.deadlineNanos = System.nanoTime() + limits.timeBudget().toNanos();
    }

    /** Records the template line being rendered, so a failure can name it. */
    public void at(int templateLine) {
        line = templateLine;
    }

    public int line() {
        return line;
    }

    public RenderLimits limits() {
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
        if ((++clockTick & 63) == 0 && System.nanoTime() > deadlineNanos) {
            throw limitError("render time budget of " + limits.timeBudget().toMillis() + " ms exceeded");
        }
    }

    public void checkStringSize(long chars) {
        if (chars > limits.maxStringChars()) {
            throw limitError("string size limit of " + limits.maxStringChars() + " characters exceeded");
        }
    }

    public TemplateRuntimeException limitError(String message) {
        return new TemplateRuntimeException(Kind.LIMIT, "LimitError: " + message);
    }
}
