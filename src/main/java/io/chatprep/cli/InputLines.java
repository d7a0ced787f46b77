package io.chatprep.cli;

import io.chatprep.encode.Utf8Text;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The non-blank lines of an input file for the line-by-line commands, ended by {@code \n}, {@code \r} or
 * {@code \r\n} as {@code BufferedReader} ends them, but read as bytes: a line that is not UTF-8 comes back with the
 * reason instead of text, so the command writes an error line for it and goes on (a decoding reader would stop the
 * whole command at that byte).
 */
final class InputLines implements Closeable {
    /** One line: its text, or why it has none ({@code unreadable}). */
    record Line(String text, String unreadable) {
    }

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1 << 16];
    private long offset;
    private boolean afterCarriageReturn;

    InputLines(Path file) throws IOException {
        this.in = Files.newInputStream(file);
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.readNBytes(buffer, 0, buffer.length);
            position = 0;
            if (limit == 0) {
                return -1;
            }
        }
        return buffer[position++] & 0xFF;
    }

    /** The next non-blank line, or null at the end of the file. */
    Line next() throws IOException {
        while (true) {
            long start = offset;
            int length = 0;
            boolean ended = false;
            for (int b; (b = read()) >= 0; ) {
                offset++;
                if (afterCarriageReturn) {
                    afterCarriageReturn = false;
                    if (b == '\n') {
                        start++;
                        continue;
                    }
                }
                if (b == '\n' || b == '\r') {
                    afterCarriageReturn = b == '\r';
                    ended = true;
                    break;
                }
                if (length == line.length) {
                    line = Arrays.copyOf(line, Math.max(length * 2, length + 1));
                }
                line[length++] = (byte) b;
            }
            if (!ended && length == 0) {
                return null;
            }
            int bad = Utf8Text.firstInvalid(line, 0, length);
            if (bad >= 0) {
                return new Line(null, Utf8Text.reason(line, 0, bad, start));
            }
            String text = Utf8Text.decode(line, 0, length);
            if (!text.isBlank()) {
                return new Line(text, null);
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
