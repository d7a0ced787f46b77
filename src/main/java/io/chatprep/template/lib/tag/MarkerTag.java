package io.chatprep.template.lib.tag;

import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import io.chatprep.template.jinjava.RenderSession;
import io.chatprep.template.jinjava.TreeCompiler;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.TemplateSyntaxException;
import java.util.Set;

/**
 * {@code elif} and {@code else}: markers inside {@code if} (and {@code else} inside {@code for}) that their
 * parent tag interprets; anywhere else they are the syntax error Jinja2 reports.
 */
public final class MarkerTag extends ChatTag<Void> {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final Set<String> parents;

    public MarkerTag(String name, Set<String> parents) {
        this.name = name;
        this.parents = parents;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Void compile(TagNode node, Parser header, TreeCompiler compiler) {
        Node parent = node.getParent();
        if (!(parent instanceof TagNode p) || !parents.contains(p.getName())) {
            throw new TemplateSyntaxException("Encountered unknown tag '" + name + "'.", compiler.line(node));
        }
        return null;
    }

    @Override
    protected void render(TagNode node, Void header, RenderSession session) {
        throw new IllegalStateException("'" + name + "' is rendered by its parent tag");
    }
}
