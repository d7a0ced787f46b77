package io.chatprep.template.lib.tag;

import io.chatprep.template.parse.Markup;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.tree.Node;
import io.chatprep.template.tree.Renderer;

/**
 * A statement tag with Jinja2's semantics. Each occurrence is compiled once per template: its header (the tokens
 * after the tag name) and its bodies, by {@link #compile}; {@link #render} then runs the compiled occurrence
 * against a render, writing to the render's current output.
 *
 * @param <H> a compiled occurrence: the parsed header and the compiled bodies
 */
public abstract class ChatTag<H> {
    public abstract String name();

    /** The name of the tag that ends this one's body; null for a tag without a body. */
    public String endName() {
        return null;
    }

    /**
     * Parses the header from {@code header} (which must end with its block end), records the names it reads and
     * assigns in {@code compiler.frame()}, and compiles the bodies through the compiler. The header inherits the
     * enclosing frame's soft mode; parts that Jinja2 compiles in a frame of their own turn it off.
     */
    protected abstract H compile(Markup.Tag tag, Parser header, TagCompiler compiler);

    protected abstract void render(H compiled, Renderer r);

    /** Compiles one occurrence of this tag into a statement of the body it stands in. */
    public final Node compileStatement(Markup.Tag tag, Parser header, TagCompiler compiler) {
        H compiled = compile(tag, header, compiler);
        return r -> render(compiled, r);
    }
}
