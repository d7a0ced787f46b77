package io.chatprep.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import io.chatprep.template.jinjava.ChatJinjava;
import io.chatprep.template.jinjava.CompiledTree;
import io.chatprep.template.jinjava.RenderSession;
import io.chatprep.template.py.PyException;
import io.chatprep.template.py.PyLimits;
import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import io.chatprep.template.tree.LoopControl;

/**
 * A compiled HuggingFace chat template: parsed once by Jinjava (with the engine's tags and Python-exact
 * expressions), immutable and safe to share between threads. Renders exactly as transformers' Jinja2
 * environment does, and records {@code {% generation %}} spans.
 */
public final class ChatTemplate {
    private final String source;
    private final CompiledTree tree;
    private final RenderLimits limits;

    private ChatTemplate(String source, CompiledTree tree, RenderLimits limits) {
        this.source = source;
        this.tree = tree;
        this.limits = limits;
    }

    /** Parses {@code source}; a syntax error raises {@link TemplateException} naming the line. */
    public static ChatTemplate compile(String source) {
        return compile(source, RenderLimits.DEFAULT);
    }

    /**
     * As {@link #compile(String)}, with a failure that names the template: {@code name} is how the user gave it
     * ("'chat_template' my.jinja"), and the message becomes "'chat_template' my.jinja does not compile: ...".
     */
    public static ChatTemplate compile(String source, String name) {
        try {
            return compile(source);
        } catch (TemplateException e) {
            throw new TemplateException(e.kind(), name + " does not compile: " + e.getMessage(), e);
        }
    }

    public static ChatTemplate compile(String source, RenderLimits limits) {
        if (source == null) {
            throw new TemplateException(TemplateException.Kind.SYNTAX, "no template source given");
        }
        try {
            return new ChatTemplate(source, ChatJinjava.get().compile(source), limits);
        } catch (StackOverflowError e) {
            throw new TemplateException(TemplateException.Kind.LIMIT, "template nesting is too deep to parse");
        }
    }

    /** The same compiled tree under other limits. */
    public ChatTemplate withLimits(RenderLimits newLimits) {
        return new ChatTemplate(source, tree, newLimits);
    }

    public RenderLimits limits() {
        return limits;
    }

    /**
     * Renders the request. Any error aborts the whole render: there is never partial output.
     *
     * @throws TemplateException RAISED for the template's own raise_exception, RUNTIME for Python-level
     *         errors, SECURITY for refused access, LIMIT for a breached {@link RenderLimits} cap
     */
    public RenderedChat render(RenderRequest request) {
        ChatJinjava jinjava = ChatJinjava.get();
        RenderContext ctx = new RenderContext(limits, request.now());
        Context root = new Context(jinjava.getGlobalContext(), request.context());
        JinjavaInterpreter interpreter = jinjava.newRenderInterpreter(root);
        Output out = ctx.newOutput();
        ctx.setRoot(out);
        long previousCap = PyLimits.setMaxSize(limits.maxStringChars());
        PyLimits.Meter previousMeter = PyLimits.setMeter(ctx);
        JinjavaInterpreter.pushCurrent(interpreter);
        Scope top = Scope.root(root, ctx);
        top.bindUndefined(tree.rootFrame());
        try (RenderSession session = RenderSession.open(tree, interpreter, ctx, top, out)) {
            session.render(tree.root().getChildren());
        } catch (RuntimeException e) {
            throw classify(e, ctx);
        } catch (StackOverflowError e) {
            throw new TemplateException(TemplateException.Kind.LIMIT,
                    "LimitError: render nesting exceeded the stack (recursion too deep)");
        } catch (OutOfMemoryError e) {
            // The memory limit should stop a render first; if the heap runs out anyway (other work held it, or
            // the estimate fell short), what this render built is unreachable once it unwinds: fail this row only.
            throw new TemplateException(TemplateException.Kind.LIMIT,
                    "LimitError: the JVM ran out of memory during this render (lower the render memory limit or give "
                            + "the JVM more heap)");
        } finally {
            JinjavaInterpreter.popCurrent();
            PyLimits.setMaxSize(previousCap);
            PyLimits.setMeter(previousMeter);
        }
        return new RenderedChat(out.toString(), ctx.spans());
    }

    /** Jinjava wraps what tags throw; the first engine-level cause is the error to report. */
    private static TemplateException classify(RuntimeException thrown, RenderContext ctx) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TemplateRuntimeException e) {
                return atLine(e, ctx);
            }
            if (t instanceof TemplateException e) {
                return e;
            }
            if (t instanceof PyException e) {
                return atLine(Values.fromPy(e), ctx);
            }
            if (t instanceof LoopControl e) {
                return new TemplateException(TemplateException.Kind.SYNTAX, "'" + e.getMessage() + "' outside of a loop");
            }
            if (t instanceof ClassCastException || t instanceof IndexOutOfBoundsException
                    || t instanceof NullPointerException) {
                return atLine(new TemplateRuntimeException(TemplateException.Kind.RUNTIME,
                        "TypeError: invalid argument types (" + t.getClass().getSimpleName() + ")"), ctx);
            }
        }
        return atLine(new TemplateRuntimeException(TemplateException.Kind.RUNTIME, String.valueOf(thrown.getMessage())),
                ctx);
    }

    /** Names the template line of a failure; a template's own raise_exception message stays as written. */
    private static TemplateException atLine(TemplateException e, RenderContext ctx) {
        if (ctx.line() <= 0) {
            return e;
        }
        return new TemplateException(e.kind(), e.getMessage() + " (template line " + ctx.line() + ")", e);
    }

    public String source() {
        return source;
    }
}
