package io.chatprep.template.lib.tag;

import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import java.util.ArrayList;
import java.util.List;

/** Splits a tag's children at marker tags ({@code elif}, {@code else}) that Jinjava keeps as children. */
final class BodySplit {
    private BodySplit() {
    }

    /** The children before the first marker, then one list per marker (the marker node first). */
    static List<List<Node>> at(List<Node> children, String... markers) {
        List<List<Node>> parts = new ArrayList<>();
        List<Node> current = new ArrayList<>();
        parts.add(current);
        for (Node n : children) {
            if (n instanceof TagNode t && isMarker(t.getName(), markers)) {
                current = new ArrayList<>();
                current.add(n);
                parts.add(current);
            } else {
                current.add(n);
            }
        }
        return parts;
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
