package io.chatprep.job.output;

import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter;
import org.apache.parquet.column.values.dictionary.IntList;
import org.apache.parquet.column.values.plain.PlainValuesWriter;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Dictionary encoding of an int column whose values are token ids (and {@code -100} labels): parquet-mr's own
 * int dictionary writer, with the value-to-index lookup done in a table indexed by the value instead of a hash
 * map. Token ids are small and dense, so the table stays a few hundred KB, and the lookup made once per token was
 * a fifth of a run's time. Same dictionary order (first appearance), same pages, so the same bytes on disk.
 * Values outside the table's range go to a small hash map.
 */
final class IntDictionaryWriter extends DictionaryValuesWriter {
    /** Values from {@code -OFFSET} upward index the table directly; labels' -100 is one of them. */
    private static final int OFFSET = 1024;
    /** Largest table: 4 M entries (16 MB), far past any vocabulary. */
    private static final int MAX_TABLE = 1 << 22;

    /** Dictionary index + 1 of each value (0: not in the dictionary), at {@code value + OFFSET}. */
    private int[] table = new int[1 << 12];
    /** Index + 1 of values outside the table. */
    private final Map<Integer, Integer> others = new HashMap<>();
    /** The dictionary: values in order of first appearance. */
    private int[] values = new int[1 << 10];
    private int size;

    IntDictionaryWriter(int maxDictionaryByteSize, Encoding dataPageEncoding, Encoding dictionaryPageEncoding,
                        ByteBufferAllocator allocator) {
        super(maxDictionaryByteSize, dataPageEncoding, dictionaryPageEncoding, allocator);
    }

    @Override
    public void writeInteger(int v) {
        int slot = v + OFFSET;
        int index;
        if (slot >= 0 && slot < table.length) {
            index = table[slot] - 1;
        } else if (slot >= 0 && slot < MAX_TABLE) {
            table = Arrays.copyOf(table, Math.min(MAX_TABLE, Integer.highestOneBit(slot) << 1));
            index = -1;
        } else {
            Integer known = others.get(v);
            index = known == null ? -1 : known - 1;
        }
        if (index < 0) {
            index = add(v, slot);
        }
        encodedValues.add(index);
    }

    private int add(int v, int slot) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size] = v;
        int index = size++;
        if (slot >= 0 && slot < table.length) {
            table[slot] = index + 1;
        } else {
            others.put(v, index + 1);
        }
        dictionaryByteSize += Integer.BYTES;
        return index;
    }

    @Override
    public DictionaryPage toDictPageAndClose() {
        if (lastUsedDictionarySize <= 0) {
            return null;
        }
        PlainValuesWriter page = new PlainValuesWriter(lastUsedDictionaryByteSize, maxDictionaryByteSize, allocator);
        for (int i = 0; i < lastUsedDictionarySize; i++) {
            page.writeInteger(values[i]);
        }
        return dictPage(page);
    }

    @Override
    public int getDictionarySize() {
        return size;
    }

    @Override
    protected void clearDictionaryContent() {
        for (int i = 0; i < size; i++) {
            int slot = values[i] + OFFSET;
            if (slot >= 0 && slot < table.length) {
                table[slot] = 0;
            }
        }
        others.clear();
        size = 0;
    }

    @Override
    public void fallBackDictionaryEncodedData(ValuesWriter writer) {
        IntList.IntIterator indexes = encodedValues.iterator();
        while (indexes.hasNext()) {
            writer.writeInteger(values[indexes.next()]);
        }
    }
}
