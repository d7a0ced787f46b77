package io.chatprep.job.output;

import io.chatprep.job.spark.SparkLine;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.PrimitiveType;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One row group's chunk of a list-of-int32 column ({@code input_ids}, {@code labels}, masks, lengths), written a row's
 * whole array at a time. A page keeps its rows' values as given and is encoded when it closes, in loops over arrays:
 * levels as run lengths (a row is one run of level 0 and one of 1), values as indexes into the chunk's dictionary,
 * bit-packed or run-length encoded, else plain once the dictionary outgrows its page. parquet-mr's column writer
 * does the same work through several calls per value (two level encoders, the value encoder, statistics): for token
 * columns, a fifth of a run's time.
 *
 * <p>Pages are data pages v1 with RLE levels and PLAIN_DICTIONARY or PLAIN values, as Spark writes them; statistics
 * count an empty list as a null, as parquet-mr does.
 */
final class IntListColumn {
    /** Values from {@code -OFFSET} upward index {@link #slots} directly; labels' -100 is one of them. */
    private static final int OFFSET = 1024;
    /** Largest direct table: 4 M entries (16 MB), far past any vocabulary. */
    private static final int MAX_TABLE = 1 << 22;
    /** A value repeated this often is written as one run instead of bit-packed. */
    private static final int MIN_RUN = 8;
    /** Bit-packed groups of eight per run: the run's header stays one byte. */
    private static final int MAX_GROUPS = 63;

    private final PageWriter pages;
    private final PrimitiveType type;
    private final int pageBytes;
    private final int pageRows;
    private final int dictionaryBytes;

    // The chunk's dictionary: values in order of first use, and each value's index + 1 (0: not yet in it).
    private int[] slots = new int[1 << 12];
    private final Map<Integer, Integer> outside = new HashMap<>();
    private int[] dictionary = new int[1 << 10];
    private int dictionarySize;
    private boolean plainFromNowOn;
    private boolean dictionaryUsed;

    // The open page: its rows' values end to end, and each row's length.
    private int[] values = new int[1 << 12];
    private int valueCount;
    private int[] lengths = new int[1 << 8];
    private int rows;

    private int[] indexes = new int[0];
    private final ByteSink body = new ByteSink();
    /** The run of equal levels being gathered by {@link #levels}. */
    private int runLevel;
    private int runCount;

    IntListColumn(PageWriter pages, ColumnDescriptor column, ParquetProperties props) {
        if (column.getMaxRepetitionLevel() != 1 || column.getMaxDefinitionLevel() != 1) {
            throw new IllegalArgumentException("not a required list of required ints: " + column);
        }
        this.pages = pages;
        this.type = column.getPrimitiveType();
        this.pageBytes = props.getPageSizeThreshold();
        this.pageRows = props.getPageRowCountLimit();
        this.dictionaryBytes = props.getDictionaryPageSizeThreshold();
    }

    void add(int[] row) throws IOException {
        int n = row.length;
        ensureValues(n);
        System.arraycopy(row, 0, values, valueCount, n);
        endRow(n);
    }

    void add(byte[] row) throws IOException {
        int n = row.length;
        ensureValues(n);
        for (int i = 0; i < n; i++) {
            values[valueCount + i] = row[i];
        }
        endRow(n);
    }

    private void ensureValues(int n) {
        if (valueCount + n > values.length) {
            values = Arrays.copyOf(values, Math.max(valueCount + n, values.length * 2));
        }
    }

    private void endRow(int n) throws IOException {
        valueCount += n;
        if (rows == lengths.length) {
            lengths = Arrays.copyOf(lengths, rows * 2);
        }
        lengths[rows++] = n;
        if ((long) valueCount * Integer.BYTES >= pageBytes || rows >= pageRows) {
            writePage();
        }
    }

    /** Bytes this chunk holds so far: its written pages and the open page's values. */
    long bufferedSize() {
        return pages.getMemSize() + (long) valueCount * Integer.BYTES;
    }

    /** Ends the chunk: writes the open page, then the dictionary if a page used it. */
    void finish() throws IOException {
        if (rows > 0) {
            writePage();
        }
        if (dictionaryUsed) {
            body.reset();
            for (int i = 0; i < dictionarySize; i++) {
                body.intLE(dictionary[i]);
            }
            pages.writeDictionaryPage(new DictionaryPage(BytesInput.from(body.copy()), dictionarySize,
                    Encoding.PLAIN_DICTIONARY));
        }
    }

    private void writePage() throws IOException {
        int empty = 0;
        for (int r = 0; r < rows; r++) {
            if (lengths[r] == 0) {
                empty++;
            }
        }
        body.reset();
        levels(true);
        levels(false);
        Encoding encoding = encodeValues();
        Statistics<?> stats = Statistics.createStats(type);
        if (valueCount > 0) {
            int min = values[0];
            int max = values[0];
            for (int i = 1; i < valueCount; i++) {
                int v = values[i];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            stats.updateStats(min);
            stats.updateStats(max);
        }
        stats.incrementNumNulls(empty);
        SparkLine.current().writeListPage(pages, BytesInput.from(body.copy()), type, stats, rows, empty, valueCount,
                encoding);
        valueCount = 0;
        rows = 0;
    }

    /** One level section of the page: its length, then runs of equal levels (one bit wide, a byte per value). */
    private void levels(boolean repetition) {
        int lengthAt = body.reserveInt();
        runLevel = -1;
        runCount = 0;
        for (int r = 0; r < rows; r++) {
            int n = lengths[r];
            // A row's first entry: repetition 0; definition 0 for an empty list, else 1. Its other entries: level 1.
            level(repetition || n == 0 ? 0 : 1, 1);
            level(1, n - 1);
        }
        endRun();
        body.putIntLE(lengthAt, body.size() - lengthAt - Integer.BYTES);
    }

    /** Adds {@code count} entries at {@code level} to the open run, writing that run out when the level changes. */
    private void level(int level, int count) {
        if (count <= 0) {
            return;
        }
        if (level != runLevel) {
            endRun();
            runLevel = level;
        }
        runCount += count;
    }

    private void endRun() {
        if (runCount > 0) {
            body.varint(runCount << 1);
            body.put(runLevel);
        }
        runCount = 0;
    }

    /** Dictionary indexes while the dictionary stays within its page, else plain values. */
    private Encoding encodeValues() {
        if (!plainFromNowOn) {
            int before = dictionarySize;
            if (indexes.length < valueCount) {
                indexes = new int[values.length];
            }
            for (int i = 0; i < valueCount; i++) {
                indexes[i] = indexOf(values[i]);
            }
            if ((long) dictionarySize * Integer.BYTES <= dictionaryBytes) {
                dictionaryUsed = true;
                int width = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(0, dictionarySize - 1)));
                body.put(width);
                hybrid(indexes, valueCount, width);
                return Encoding.PLAIN_DICTIONARY;
            }
            // Too many distinct values: this page and the rest of the chunk go plain; the pages before keep theirs.
            forgetFrom(before);
            plainFromNowOn = true;
        }
        for (int i = 0; i < valueCount; i++) {
            body.intLE(values[i]);
        }
        return Encoding.PLAIN;
    }

    private int indexOf(int v) {
        int slot = v + OFFSET;
        if (slot >= 0 && slot < MAX_TABLE) {
            if (slot >= slots.length) {
                slots = Arrays.copyOf(slots, Math.min(MAX_TABLE, Integer.highestOneBit(slot) << 1));
            }
            int known = slots[slot];
            if (known != 0) {
                return known - 1;
            }
            slots[slot] = add(v) + 1;
            return dictionarySize - 1;
        }
        Integer known = outside.get(v);
        if (known != null) {
            return known - 1;
        }
        outside.put(v, add(v) + 1);
        return dictionarySize - 1;
    }

    private int add(int v) {
        if (dictionarySize == dictionary.length) {
            dictionary = Arrays.copyOf(dictionary, dictionarySize * 2);
        }
        dictionary[dictionarySize] = v;
        return dictionarySize++;
    }

    /** Drops the dictionary's entries from {@code size} on. */
    private void forgetFrom(int size) {
        for (int i = size; i < dictionarySize; i++) {
            int slot = dictionary[i] + OFFSET;
            if (slot >= 0 && slot < slots.length) {
                slots[slot] = 0;
            } else {
                outside.remove(dictionary[i]);
            }
        }
        dictionarySize = size;
    }

    /**
     * The RLE / bit-packing hybrid: a value repeated {@link #MIN_RUN} times or more is one run; the values between
     * such runs are bit-packed in groups of eight. Only the page's last group may be padded, since a reader stops at
     * the page's value count.
     */
    private void hybrid(int[] v, int n, int width) {
        int i = 0;
        while (i < n) {
            int run = sameFrom(v, i, n);
            if (run >= MIN_RUN) {
                body.varint(run << 1);
                for (int b = 0; b < width; b += 8) {
                    body.put(v[i] >>> b);
                }
                i += run;
                continue;
            }
            int start = i;
            int groups = 0;
            do {
                i = Math.min(n, i + 8);
                groups++;
            } while (i < n && groups < MAX_GROUPS && sameFrom(v, i, n) < MIN_RUN);
            body.varint(groups << 1 | 1);
            pack(v, start, i, groups, width);
        }
    }

    private static int sameFrom(int[] v, int i, int n) {
        int j = i + 1;
        while (j < n && v[j] == v[i]) {
            j++;
        }
        return j - i;
    }

    /** Values {@code from..to} at {@code width} bits each, lowest bits first, padded with zeros to whole groups. */
    private void pack(int[] v, int from, int to, int groups, int width) {
        long acc = 0;
        int bits = 0;
        int end = from + groups * 8;
        for (int k = from; k < end; k++) {
            long value = k < to ? v[k] & 0xFFFFFFFFL : 0;
            acc |= value << bits;
            bits += width;
            while (bits >= 8) {
                body.put((int) acc);
                acc >>>= 8;
                bits -= 8;
            }
        }
    }

    /** A growable byte buffer for one page. */
    private static final class ByteSink {
        private byte[] bytes = new byte[1 << 16];
        private int size;

        void reset() {
            size = 0;
        }

        int size() {
            return size;
        }

        void put(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = (byte) b;
        }

        void varint(int v) {
            while ((v & ~0x7F) != 0) {
                put((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            put(v);
        }

        void intLE(int v) {
            put(v);
            put(v >>> 8);
            put(v >>> 16);
            put(v >>> 24);
        }

        int reserveInt() {
            intLE(0);
            return size - Integer.BYTES;
        }

        void putIntLE(int at, int v) {
            bytes[at] = (byte) v;
            bytes[at + 1] = (byte) (v >>> 8);
            bytes[at + 2] = (byte) (v >>> 16);
            bytes[at + 3] = (byte) (v >>> 24);
        }

        byte[] copy() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
