package io.chatprep.template.engine;

import io.chatprep.template.lib.fn.FunctionLibrary;
import io.chatprep.template.py.PyException;
import io.chatprep.template.py.PyLimits;
import io.chatprep.template.runtime.EngineException;
import io.chatprep.template.runtime.Limits;
import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import io.chatprep.template.tree.Body;
import io.chatprep.template.tree.LoopControl;
import io.chatprep.template.tree.Renderer;
import java.time.LocalDateTime;
import java.util.Map;

/** A compiled template: immutable, rendered by any number of threads at once. */
public final class CompiledTemplate {
    private final Body body;

    CompiledTemplate(Body body) {
        this.body = body;
    }

    /**
     * Renders the template over {@code variables} (the Python value model of {@code io.chatprep.template.py}; a
     * variable that is absent is Undefined). Any error aborts the whole render, so there is never partial output.
     *
     * @param now the instant {@code strftime_now} formats; null means the real local time
     * @throws EngineException RAISED for the template's own raise_exception, RUNTIME for Python-level errors,
     *         SECURITY for refused access, LIMIT for a breached limit
     */
    public Rendered render(Map<String, Object> variables, Limits limits, LocalDateTime now) {
        RenderContext ctx = new RenderContext(limits, now);
        Output out = ctx.newOutput();
        ctx.setRoot(out);
        long previousCap = PyLimits.setMaxSize(limits.maxStringChars());
        PyLimits.Meter previousMeter = PyLimits.setMeter(ctx);
        Scope top = Scope.root(variables, FunctionLibrary.globals(), ctx);
        top.bindUndefined(body.frame().ownUndefined());
        try {
            new Renderer(ctx, top, out).render(body.nodes());
        } catch (RuntimeException e) {
            throw classify(e, ctx);
        } catch (StackOverflowError e) {
            throw new EngineException(EngineException.Kind.LIMIT,
                    "LimitError: render nesting exceeded the stack (recursion too deep)");
        } catch (OutOfMemoryError e) {
            // The memory limit should stop a render first; if the heap runs out anyway (other work held it, or
            // the estimate fell short), what this render built is unreachable once it unwinds: fail this row only.
            throw new EngineException(EngineException.Kind.LIMIT,
                    "LimitError: the JVM ran out of memory during this render (lower the render memory limit or give "
                            + "the JVM more heap)");
        } finally {
            PyLimits.setMaxSize(previousCap);
            PyLimits.setMeter(previousMeter);
        }
        return new Rendered(out.toString(), ctx.spans());
    }

    /** The first engine-level cause of a failure is the error to report. */
    private static EngineException classify(RuntimeException thrown, RenderContext ctx) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TemplateRuntimeException e) {
                return atLine(e, ctx);
            }
            if (t instanceof EngineException e) {
                return e;
            }
            if (t instanceof PyException e) {
                return atLine(Values.fromPy(e), ctx);
            }
            if (t instanceof LoopControl e) {
                return new EngineException(EngineException.Kind.SYNTAX, "'" + e.getMessage() + "' outside of a loop");
            }
            if (t instanceof ClassCastException || t instanceof IndexOutOfBoundsException
                    || t instanceof NullPointerException) {
                return atLine(new TemplateRuntimeException(EngineException.Kind.RUNTIME,
                        "TypeError: invalid argument types (" + t.getClass().getSimpleName() + ")"), ctx);
            }
        }
        return atLine(new TemplateRuntimeException(EngineException.Kind.RUNTIME, String.valueOf(thrown.getMessage())),
                ctx);
    }

    /** Names the template line of a failure; a template's own raise_exception message stays as written. */
    private static EngineException atLine(EngineException e, RenderContext ctx) {
        if (ctx.line() <= 0) {
            return e;
        }
        return new EngineException(e.kind(), e.getMessage() + " (template line " + ctx.line() + ")", e);
    }
}
