package io.chatprep.catalog;

import java.util.regex.Pattern;

/** Finds {@code {% generation %}} blocks in template source (any whitespace-control variant). */
public final class GenerationMarkers {
    private static final Pattern OPEN = Pattern.compile("\\{%[-+]?\\s*generation\\s*[-+]?%}");

    private GenerationMarkers() {
    }

    public static boolean present(String templateSource) {
        return templateSource != null && OPEN.matcher(templateSource).find();
    }
}
