package io.chatprep.template.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.FlexibleTag;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.TagToken;
import io.chatprep.template.lib.tag.ChatTag;
import io.chatprep.template.lib.tag.OptionalEndTag;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.Token;
import java.util.List;

/**
 * An engine tag as Jinjava's tree parser needs to know it: its name and the name of its end tag. Registered over
 * Jinjava's tag of the same name for one parse; the engine compiles and renders the tag, Jinjava never does.
 */
class TagShape implements Tag {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String endName;

    private TagShape(ChatTag<?> tag) {
        this.name = tag.name();
        this.endName = tag.endName();
    }

    /** The shape of {@code tag} for a parse of {@code tokens}, which {@code canonical} was written from. */
    static TagShape of(ChatTag<?> tag, List<Token> tokens, CanonicalSource canonical) {
        return tag instanceof OptionalEndTag optional ? new Optional(tag, optional, tokens, canonical)
                : new TagShape(tag);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getEndTagName() {
        return endName;
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        throw new IllegalStateException("the engine renders chat templates, Jinjava only parses them");
    }

    /** A tag whose header says whether it has an end tag ({@code set}): the engine reads the header's tokens. */
    private static final class Optional extends TagShape implements FlexibleTag {
        private static final long serialVersionUID = 1L;
        private final transient OptionalEndTag tag;
        private final transient List<Token> tokens;
        private final transient CanonicalSource canonical;

        Optional(ChatTag<?> shape, OptionalEndTag tag, List<Token> tokens, CanonicalSource canonical) {
            super(shape);
            this.tag = tag;
            this.tokens = tokens;
            this.canonical = canonical;
        }

        /** The answer depends on the header alone, so any tag written as the same text gives it. */
        @Override
        public boolean hasEndTag(TagToken token) {
            int begin = canonical.beginsOf(token.getImage()).get(0);
            return tag.hasEndTag(Parser.tagHeader(tokens, begin));
        }
    }
}
