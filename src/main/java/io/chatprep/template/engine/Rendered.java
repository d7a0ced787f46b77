package io.chatprep.template.engine;

/** A render's text and the {@code [start, end)} code-point span of each {@code {% generation %}} block, in order. */
public record Rendered(String text, int[][] generationSpans) {
}
