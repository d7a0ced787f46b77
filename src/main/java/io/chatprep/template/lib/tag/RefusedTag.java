package io.chatprep.template.lib.tag;

import com.hubspot.jinjava.tree.TagNode;
import io.chatprep.template.TemplateException;
import io.chatprep.template.jinjava.RenderSession;
import io.chatprep.template.jinjava.TreeCompiler;
import io.chatprep.template.parse.Parser;

/**
 * Tags that would load other templates (or classpath resources): a chat template is one self-contained
 * source, so these replace Jinjava's own and are refused when the template is compiled.
 */
public final class RefusedTag extends ChatTag<Void> {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String endName;

    public RefusedTag(String name, String endName) {
        this.name = name;
        this.endName = endName;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getEndTagName() {
        return endName;
    }

    @Override
    public Void compile(TagNode node, Parser header, TreeCompiler compiler) {
        throw new TemplateException(TemplateException.Kind.SECURITY, "SecurityError: the '" + name
                + "' tag is disabled: chat templates may not load other templates (template line "
                + compiler.line(node) + ")");
    }

    @Override
    protected void render(TagNode node, Void header, RenderSession session) {
        throw new IllegalStateException("refused tags never compile");
    }
}
