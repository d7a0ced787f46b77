package io.chatprep.template;

/**
 * Rendered text plus the {@code [start, end)} span of every {@code {% generation %}} block, in Unicode
 * code points (Python {@code len}), in the order the blocks were rendered.
 */
public record RenderedChat(String text, int[][] generationSpans) {
}
