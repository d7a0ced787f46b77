package io.chatprep.template;

import io.chatprep.template.engine.CompiledTemplate;
import io.chatprep.template.engine.Rendered;
import io.chatprep.template.engine.TemplateCompiler;
import io.chatprep.template.jinjava.JinjavaBlocks;
import io.chatprep.template.runtime.EngineException;

/**
 * A compiled HuggingFace chat template, immutable and safe to share between threads. Renders exactly as
 * transformers' Jinja2 environment does, and records {@code {% generation %}} spans. Jinjava finds the template's
 * block structure ({@link JinjavaBlocks}); the engine compiles and renders it.
 */
public final class ChatTemplate {
    private final String source;
    private final CompiledTemplate compiled;
    private final RenderLimits limits;

    private ChatTemplate(String source, CompiledTemplate compiled, RenderLimits limits) {
        this.source = source;
        this.compiled = compiled;
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
            return new ChatTemplate(source, TemplateCompiler.compile(JinjavaBlocks.parse(source)), limits);
        } catch (EngineException e) {
            throw reported(e);
        } catch (StackOverflowError e) {
            throw new TemplateException(TemplateException.Kind.LIMIT, "template nesting is too deep to parse");
        }
    }

    /** The same compiled template under other limits. */
    public ChatTemplate withLimits(RenderLimits newLimits) {
        return new ChatTemplate(source, compiled, newLimits);
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
        try {
            Rendered r = compiled.render(request.context(), limits, request.now());
            return new RenderedChat(r.text(), r.generationSpans());
        } catch (EngineException e) {
            throw reported(e);
        }
    }

    /** The engine's failure as the public exception of the same kind and message. */
    private static TemplateException reported(EngineException e) {
        TemplateException.Kind kind = switch (e.kind()) {
            case SYNTAX -> TemplateException.Kind.SYNTAX;
            case RAISED -> TemplateException.Kind.RAISED;
            case RUNTIME -> TemplateException.Kind.RUNTIME;
            case SECURITY -> TemplateException.Kind.SECURITY;
            case LIMIT -> TemplateException.Kind.LIMIT;
        };
        return new TemplateException(kind, e.getMessage(), e);
    }

    public String source() {
        return source;
    }
}
