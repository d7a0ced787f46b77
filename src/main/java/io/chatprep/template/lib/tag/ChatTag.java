package io.chatprep.template.lib.tag;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;
import io.chatprep.template.jinjava.RenderSession;
import io.chatprep.template.jinjava.TreeCompiler;
import io.chatprep.template.parse.Parser;

/**
 * A Jinjava tag with Jinja2's semantics. Its header (the text after the tag name) is compiled once per
 * template by {@link #compile}; {@link #render} then runs against the render on this thread and writes to the
 * session's output, so Jinjava receives no text of its own from the tag.
 *
 * @param <H> the compiled header
 */
public abstract class ChatTag<H> implements Tag {
    private static final long serialVersionUID = 1L;

    /**
     * Parses the header from {@code header} (which must end with its block end), records the names it reads and
     * assigns in {@code compiler.frame()}, and compiles the children through the compiler. The header inherits
     * the enclosing frame's soft mode; parts that Jinja2 compiles in a frame of their own turn it off.
     */
    public abstract H compile(TagNode node, Parser header, TreeCompiler compiler);

    protected abstract void render(TagNode node, H header, RenderSession session);

    /** No end tag unless the tag says so (Jinjava's default would expect {@code end<name>}). */
    @Override
    public String getEndTagName() {
        return null;
    }

    @Override
    public final String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        RenderSession session = RenderSession.current();
        H header = session.tree().header(tagNode);
        render(tagNode, header, session);
        return "";
    }
}
