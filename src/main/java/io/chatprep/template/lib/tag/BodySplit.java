package io.chatprep.template.lib.tag;

import io.chatprep.template.parse.Markup;
import java.util.ArrayList;
import java.util.List;

/** Splits a tag's children at the marker tags ({@code elif}, {@code else}) the block parser keeps as children. */
final class BodySplit {
    private BodySplit() {
    }

    /** The children before the first marker, then one list per marker (the marker first). */
    static List<List<Markup>> at(List<Markup> children, String... markers) {
        List<List<Markup>> parts = new ArrayList<>();
        List<Markup> current = new ArrayList<>();
        parts.add(current);
        for (Markup m : children) {
            if (m instanceof Markup.Tag t && isMarker(t.name(), markers)) {
                current = new ArrayList<>();
                current.add(m);
                parts.add(current);
            } else {
                current.add(m);
            }
        }
        return parts;
    }

    /** The marker tag a part after the first starts with. */
    static Markup.Tag marker(List<Markup> part) {
        return (Markup.Tag) part.get(0);
    }

    /** A part's markup after its marker. */
    static List<Markup> afterMarker(List<Markup> part) {
        return part.subList(1, part.size());
    }

    private static boolean isMarker(String name, String[] markers) {
        for (String m : markers) {
            if (m.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
