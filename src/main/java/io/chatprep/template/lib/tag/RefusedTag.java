package io.chatprep.template.lib.tag;

import io.chatprep.template.parse.Markup;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.runtime.EngineException;
import io.chatprep.template.tree.Renderer;

/**
 * Tags that would load other templates (or classpath resources): a chat template is one self-contained
 * source, so these are refused when the template is compiled.
 */
public final class RefusedTag extends ChatTag<Void> {
    private final String name;
    private final String endName;

    public RefusedTag(String name, String endName) {
        this.name = name;
        this.endName = endName;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String endName() {
        return endName;
    }

    @Override
    protected Void compile(Markup.Tag tag, Parser header, TagCompiler compiler) {
        throw new EngineException(EngineException.Kind.SECURITY, "SecurityError: the '" + name
                + "' tag is disabled: chat templates may not load other templates (template line " + tag.line() + ")");
    }

    @Override
    protected void render(Void compiled, Renderer r) {
        throw new IllegalStateException("refused tags never compile");
    }
}
