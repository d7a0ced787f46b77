package io.chatprep.template.lib.tag;

import java.util.List;
import java.util.Set;

/**
 * The statement tags of transformers' environment (Jinja2 builtins, loopcontrols, generation), registered
 * over Jinjava's own; template-loading tags are registered as refusals.
 */
public final class TagLibrary {
    private static final List<ChatTag<?>> TAGS = List.of(new IfTag(), new ForTag(), new SetTag(), new MacroTag(),
            new CallTag(), new FilterTag(), new WithTag(), new GenerationTag(), BreakTag.breakTag(),
            BreakTag.continueTag(), new MarkerTag("elif", Set.of("if")), new MarkerTag("else", Set.of("if", "for")),
            new RefusedTag("include", null), new RefusedTag("import", null), new RefusedTag("from", null),
            new RefusedTag("extends", null), new RefusedTag("block", "endblock"));

    private TagLibrary() {
    }

    public static List<ChatTag<?>> all() {
        return TAGS;
    }
}
