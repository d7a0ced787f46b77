package io.chatprep.template.lib.tag;

import io.chatprep.template.parse.Markup;
import io.chatprep.template.tree.Body;
import io.chatprep.template.tree.Frame;
import io.chatprep.template.tree.Node;
import java.util.Collection;
import java.util.List;

/**
 * What a tag being compiled asks of the template compiler: the frame it stands in, and its bodies compiled while the
 * compiler tracks Jinja2's frames (which names each one reads and assigns, see {@link Frame}) and whether an
 * unknown filter or test fails now or only when applied (Jinja2's "soft" frame of {@code if} bodies).
 */
public interface TagCompiler {
    /** The frame the tag being compiled stands in: its header's reads and assignments are recorded here. */
    Frame frame();

    /** Compiles a body that is a frame of its own (loop, macro, call, set, filter, with, generation). */
    Body compileFrame(List<Markup> body, Collection<String> parameters);

    /** Compiles the branches of an {@code if}, in order: the enclosing frame, in Jinja2's soft mode. */
    List<List<Node>> compileBranches(List<List<Markup>> branches);
}
