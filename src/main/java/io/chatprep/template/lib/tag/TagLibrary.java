package io.chatprep.template.lib.tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The statement tags of transformers' environment (Jinja2 builtins, loopcontrols, generation). */
public final class TagLibrary {
    private static final Map<String, Tag> TAGS = new HashMap<>();

    static {
        for (Tag t : List.of(new IfTag(), new ForTag(), new SetTag(), new MacroTag(), new CallTag(), new FilterTag(),
                new WithTag(), new GenerationTag(), new BreakTag(), new ContinueTag(),
                new RefusedTag("include"), new RefusedTag("import"), new RefusedTag("from"),
                new RefusedTag("extends"), new RefusedTag("block"))) {
            TAGS.put(t.name(), t);
        }
    }

    private TagLibrary() {
    }

    public static Tag get(String name) {
        return TAGS.get(name);
    }
}
