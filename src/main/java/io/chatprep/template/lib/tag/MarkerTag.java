package io.chatprep.template.lib.tag;

import io.chatprep.template.parse.Markup;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.TemplateSyntaxException;
import io.chatprep.template.tree.Renderer;
import java.util.Set;

/**
 * {@code elif} and {@code else}: markers inside {@code if} (and {@code else} inside {@code for}) that their
 * parent tag interprets; anywhere else they are the syntax error Jinja2 reports.
 */
public final class MarkerTag extends ChatTag<Void> {
    private final String name;
    private final Set<String> parents;

    public MarkerTag(String name, Set<String> parents) {
        this.name = name;
        this.parents = parents;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Void compile(Markup.Tag tag, Parser header, TagCompiler compiler) {
        if (tag.parent() == null || !parents.contains(tag.parent().name())) {
            throw new TemplateSyntaxException("Encountered unknown tag '" + name + "'.", tag.line());
        }
        return null;
    }

    @Override
    protected void render(Void compiled, Renderer r) {
        throw new IllegalStateException("'" + name + "' is rendered by its parent tag");
    }
}
