package io.chatprep.corpus;

/**
 * One render's outcome: the text and its generation spans as {@code [start, end)} UTF-16 indices into the text
 * (so they can be used with {@link String} methods directly), or the error the template raised.
 */
public record Rendering(String text, int[][] spans, String error) {

    static Rendering failed(String error) {
        return new Rendering(null, new int[0][], error);
    }

    public boolean ok() {
        return text != null;
    }
}
