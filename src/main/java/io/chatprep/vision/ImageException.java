package io.chatprep.vision;

/**
 * An image a row cannot use, in words naming what is wrong: not an image, damaged or unsupported, unreadable, or
 * refused by the image processor (Qwen's aspect-ratio limit). The row goes to quarantine at stage {@code image}.
 */
public class ImageException extends Exception {
    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
