package io.chatprep.vision;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Random access to the bytes of one image, so a header reader fetches only the few ranges it needs (a JPEG's
 * markers, a PNG's chunk headers) and never the pixel data between them.
 */
public interface ByteSource extends Closeable {
    /**
     * Reads up to {@code length} bytes at {@code position} into {@code buffer[offset...]}; returns how many were
     * read, or -1 at the end of the data.
     */
    int read(long position, byte[] buffer, int offset, int length) throws IOException;

    @Override
    default void close() throws IOException {
    }

    /** Bytes already in memory (an embedded {@code data:} image, a test's file). */
    static ByteSource of(byte[] bytes) {
        return (position, buffer, offset, length) -> {
            if (position >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(length, bytes.length - position);
            System.arraycopy(bytes, (int) position, buffer, offset, n);
            return n;
        };
    }

    /** A local file, read with positioned reads. */
    static ByteSource of(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new ByteSource() {
            @Override
            public int read(long position, byte[] buffer, int offset, int length) throws IOException {
                return channel.read(ByteBuffer.wrap(buffer, offset, length), position);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
