package io.chatprep.template.lib.tag;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statement tags of transformers' environment (Jinja2 builtins, loopcontrols, generation), by name;
 * template-loading tags are refusals.
 */
public final class TagLibrary {
    private static final Map<String, ChatTag<?>> TAGS = new LinkedHashMap<>();

    static {
        for (ChatTag<?> tag : List.of(new IfTag(), new ForTag(), new SetTag(), new MacroTag(), new CallTag(),
                new FilterTag(), new WithTag(), new GenerationTag(), BreakTag.breakTag(), BreakTag.continueTag(),
                new MarkerTag("elif", Set.of("if")), new MarkerTag("else", Set.of("if", "for")),
                new RefusedTag("include", null), new RefusedTag("import", null), new RefusedTag("from", null),
                new RefusedTag("extends", null), new RefusedTag("block", "endblock"))) {
            TAGS.put(tag.name(), tag);
        }
    }

    private TagLibrary() {
    }

    public static Collection<ChatTag<?>> all() {
        return Collections.unmodifiableCollection(TAGS.values());
    }

    /** The tag named {@code name}; null when there is none. */
    public static ChatTag<?> get(String name) {
        return TAGS.get(name);
    }
}
