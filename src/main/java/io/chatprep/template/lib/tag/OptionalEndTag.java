package io.chatprep.template.lib.tag;

import io.chatprep.template.parse.Parser;

/** A tag whose header says whether a body and end tag follow: {@code set x = 1} has none, {@code set x} has one. */
public interface OptionalEndTag {
    /** {@code header} is positioned after the tag name. */
    boolean hasEndTag(Parser header);
}
