package io.chatprep.template.lib.tag;

import io.chatprep.template.TemplateException;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.Token;
import io.chatprep.template.tree.Node;

/**
 * Tags that would load other templates (or resources): a chat template is one self-contained source, so
 * these are refused when the template is compiled.
 */
public final class RefusedTag implements Tag {
    private final String name;

    public RefusedTag(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Node parse(Parser parser, Token nameToken) {
        throw new TemplateException(TemplateException.Kind.SECURITY, "SecurityError: the '" + name
                + "' tag is disabled: chat templates may not load other templates (template line "
                + nameToken.line() + ")");
    }
}
