package io.chatprep.template.tree;

/**
 * One statement of a compiled template body: text, a print statement, or a statement tag with its compiled header
 * and bodies. Immutable: one compiled template serves every render on every thread.
 */
public interface Node {
    /** Runs the statement against the render's current scope, writing to its current output. */
    void render(Renderer r);
}
