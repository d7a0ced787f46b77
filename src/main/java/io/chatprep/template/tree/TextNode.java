package io.chatprep.template.tree;

/** Template text, written out as it is. */
public record TextNode(String text) implements Node {
    @Override
    public void render(Renderer r) {
        r.out().write(text);
    }
}
