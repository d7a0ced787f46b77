package io.chatprep.job.output;

import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * A Parquet output file whose footer lists each column chunk's encodings in a fixed order. parquet-mr collects
 * them in hash sets of enum constants, whose order follows identity hash codes and so changes from one JVM to
 * the next: the same rows would give files differing in a few footer bytes. The tail written after
 * {@link #holdTail()} (indexes and footer, a few KB) is kept in memory and written at close with the footer's
 * lists sorted; the data pages pass straight through.
 */
final class OrderedFooterFile implements OutputFile {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private final OutputFile target;
    private Stream stream;

    OrderedFooterFile(OutputFile target) {
        this.target = target;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        return stream = new Stream(target.create(blockSizeHint));
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return stream = new Stream(target.createOrOverwrite(blockSizeHint));
    }

    @Override
    public boolean supportsBlockSize() {
        return target.supportsBlockSize();
    }

    @Override
    public long defaultBlockSize() {
        return target.defaultBlockSize();
    }

    @Override
    public String getPath() {
        return target.getPath();
    }

    /** From here on (the file's last row group written), bytes are held until close. */
    void holdTail() {
        stream.tail = new ByteArrayOutputStream();
    }

    /** Sorts every column chunk's encodings and encoding statistics in a serialized footer; same length. */
    static byte[] orderFooter(byte[] footer) throws IOException {
        FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer));
        for (RowGroup group : metadata.getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                if (chunk.getMeta_data() == null) {
                    continue;
                }
                if (chunk.getMeta_data().getEncodings() != null) {
                    chunk.getMeta_data().getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
                }
                if (chunk.getMeta_data().getEncoding_stats() != null) {
                    chunk.getMeta_data().getEncoding_stats().sort(Comparator
                            .comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
                            .thenComparingInt(s -> s.getEncoding().getValue()));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(footer.length);
        Util.writeFileMetaData(metadata, out);
        return out.toByteArray();
    }

    private static final class Stream extends PositionOutputStream {
        private final PositionOutputStream out;
        private ByteArrayOutputStream tail;
        private boolean closed;

        Stream(PositionOutputStream out) {
            this.out = out;
        }

        @Override
        public long getPos() throws IOException {
            return out.getPos() + (tail == null ? 0 : tail.size());
        }

        @Override
        public void write(int b) throws IOException {
            if (tail != null) {
                tail.write(b);
            } else {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (tail != null) {
                tail.write(b, off, len);
            } else {
                out.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (tail == null) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (tail != null) {
                    out.write(ordered(tail.toByteArray()));
                }
            } finally {
                out.close();
            }
        }

        /** The held tail with its footer reordered: [indexes][footer][footer length, little-endian]["PAR1"]. */
        private static byte[] ordered(byte[] held) throws IOException {
            int end = held.length - MAGIC.length - Integer.BYTES;
            if (end < 0 || !java.util.Arrays.equals(held, end + Integer.BYTES, held.length, MAGIC, 0, MAGIC.length)) {
                return held; // not a footer: an aborted file, written as it came
            }
            int length = ByteBuffer.wrap(held, end, Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).getInt();
            int start = end - length;
            if (start < 0) {
                return held;
            }
            byte[] footer = orderFooter(java.util.Arrays.copyOfRange(held, start, end));
            if (footer.length != length) {
                throw new IOException("reordering the footer changed its length (" + length + " -> " + footer.length + ")");
            }
            System.arraycopy(footer, 0, held, start, length);
            return held;
        }
    }
}
