package io.chatprep.catalog;

/** No template could be chosen; the message names the closest family and what the user can do. */
public class TemplateResolutionException extends RuntimeException {
    public TemplateResolutionException(String message) {
        super(message);
    }
}
