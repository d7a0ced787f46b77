package io.chatprep.vision;

import java.io.IOException;

/**
 * A forward reader over a {@link ByteSource} that keeps one window of bytes: reading the next field costs nothing
 * when it is in the window, and skipping past pixel data moves the window without reading what lies between.
 * Running out of data is an {@link ImageException} saying the file ends early.
 */
final class HeaderCursor {
    private static final int WINDOW = 16 * 1024;

    private final ByteSource source;
    private final byte[] window = new byte[WINDOW];
    private long windowStart;
    private int windowLength;
    private long position;

    HeaderCursor(ByteSource source) {
        this.source = source;
    }

    long position() {
        return position;
    }

    void seek(long to) {
        position = to;
    }

    void skip(long count) {
        position += count;
    }

    /** Whether at least one more byte can be read. */
    boolean hasMore() throws IOException {
        return available(1) > 0;
    }

    int u8() throws IOException, ImageException {
        require(1);
        return window[index(position++)] & 0xFF;
    }

    int u16be() throws IOException, ImageException {
        return (u8() << 8) | u8();
    }

    int u16le() throws IOException, ImageException {
        return u8() | (u8() << 8);
    }

    long u32be() throws IOException, ImageException {
        return ((long) u16be() << 16) | u16be();
    }

    long u32le() throws IOException, ImageException {
        return u16le() | ((long) u16le() << 16);
    }

    int u24le() throws IOException, ImageException {
        return u8() | (u8() << 8) | (u8() << 16);
    }

    /** The next {@code count} bytes (a segment or chunk the reader needs whole). */
    byte[] bytes(int count) throws IOException, ImageException {
        byte[] out = new byte[count];
        int done = 0;
        while (done < count) {
            int n = available(count - done);
            if (n <= 0) {
                throw truncated();
            }
            System.arraycopy(window, index(position), out, done, n);
            position += n;
            done += n;
        }
        return out;
    }

    /** Up to {@code count} bytes, fewer when the data ends first. */
    byte[] upTo(int count) throws IOException {
        byte[] out = new byte[count];
        int done = 0;
        while (done < count) {
            int n = available(count - done);
            if (n <= 0) {
                return java.util.Arrays.copyOf(out, done);
            }
            System.arraycopy(window, index(position), out, done, n);
            position += n;
            done += n;
        }
        return out;
    }

    static ImageException truncated() {
        return new ImageException("the file ends inside its header");
    }

    private void require(int count) throws IOException, ImageException {
        if (available(count) < count) {
            throw truncated();
        }
    }

    private int index(long at) {
        return (int) (at - windowStart);
    }

    /** Makes {@code [position, position + wanted)} readable from the window as far as the data goes; returns how much is. */
    private int available(int wanted) throws IOException {
        if (position < windowStart || position + Math.min(wanted, WINDOW) > windowStart + windowLength) {
            fill();
        }
        return (int) Math.min(wanted, windowStart + windowLength - position);
    }

    private void fill() throws IOException {
        windowStart = position;
        windowLength = 0;
        while (windowLength < WINDOW) {
            int n = source.read(windowStart + windowLength, window, windowLength, WINDOW - windowLength);
            if (n < 0) {
                break;
            }
            windowLength += n;
        }
    }
}
