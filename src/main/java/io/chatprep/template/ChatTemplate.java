package io.chatprep.template;

import io.chatprep.template.lib.fn.FunctionLibrary;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.py.PyException;
import io.chatprep.template.py.PyLimits;
import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import io.chatprep.template.tree.LoopControl;
import io.chatprep.template.tree.Template;

/**
 * A compiled HuggingFace chat template: parsed once, immutable and safe to share between threads.
 * Renders exactly as transformers' Jinja2 environment does, and records {@code {% generation %}} spans.
 */
public final class ChatTemplate {
    private final String source;
    private final Template tree;
    private final RenderLimits limits;

    private ChatTemplate(String source, Template tree, RenderLimits limits) {
        this.source = source;
        this.tree = tree;
        this.limits = limits;
    }

    /** Parses {@code source}; a syntax error raises {@link TemplateException} naming the line. */
    public static ChatTemplate compile(String source) {
        return compile(source, RenderLimits.DEFAULT);
    }

    public static ChatTemplate compile(String source, RenderLimits limits) {
        if (source == null) {
            throw new TemplateException(TemplateException.Kind.SYNTAX, "no template source given");
        }
        try {
            return new ChatTemplate(source, Parser.parse(source), limits);
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
        RenderContext ctx = new RenderContext(request.context(), FunctionLibrary.globals(), limits, request.now());
        Output root = ctx.newOutput();
        ctx.setRoot(root);
        long previousCap = PyLimits.setMaxSize(limits.maxStringChars());
        try {
            tree.render(Scope.root(ctx), root);
        } catch (PyException e) {
            throw atLine(Values.fromPy(e), ctx);
        } catch (TemplateRuntimeException e) {
            throw atLine(e, ctx);
        } catch (LoopControl e) {
            throw new TemplateException(TemplateException.Kind.SYNTAX, "'" + e.getMessage() + "' outside of a loop");
        } catch (StackOverflowError e) {
            throw new TemplateException(TemplateException.Kind.LIMIT,
                    "LimitError: render nesting exceeded the stack (recursion too deep)");
        } catch (ClassCastException | IndexOutOfBoundsException | NullPointerException e) {
            throw new TemplateException(TemplateException.Kind.RUNTIME, "TypeError: invalid argument types ("
                    + e.getClass().getSimpleName() + ")", e);
        } finally {
            PyLimits.setMaxSize(previousCap);
        }
        return new RenderedChat(root.toString(), ctx.spans());
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
