package io.chatprep.job.output;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The int columns' value writer gives, page by page and chunk by chunk, the bytes and encodings parquet-mr's own
 * default writer gives for the same values, whether the dictionary holds or falls back to plain.
 */
class IntDictionaryWriterTest {
    private static final ColumnDescriptor INPUT_IDS = DataFileWriter.schema(false, false).getColumns().stream()
            .filter(c -> c.getPath()[0].equals("input_ids")).findFirst().orElseThrow();

    /** Everything a column writer takes from its values writer, in the order it takes it. */
    private static List<String> drive(ValuesWriter writer, IntSupplier values, int chunks, int pages, int perPage)
            throws IOException {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            for (int p = 0; p < pages; p++) {
                for (int i = 0; i < perPage; i++) {
                    writer.writeInteger(values.getAsInt());
                }
                BytesInput bytes = writer.getBytes();
                out.add("page " + writer.getEncoding() + " " + java.util.Arrays.toString(bytes.toByteArray()));
                writer.reset();
            }
            DictionaryPage dictionary = writer.toDictPageAndClose();
            out.add(dictionary == null ? "no dictionary" : "dictionary " + dictionary.getEncoding() + " "
                    + dictionary.getDictionarySize() + " " + java.util.Arrays.toString(dictionary.getBytes().toByteArray()));
            writer.resetDictionary();
        }
        return out;
    }

    private static ValuesWriter writer(boolean ours, int dictionaryPageBytes) {
        ParquetProperties.Builder b = ParquetProperties.builder().withDictionaryPageSize(dictionaryPageBytes);
        if (ours) {
            b.withValuesWriterFactory(new TokenColumnWriters());
        } else {
            b.withValuesWriterFactory(new DefaultValuesWriterFactory());
        }
        return b.build().newValuesWriter(INPUT_IDS);
    }

    /** Token-like values: mostly ids below the vocabulary size, runs of -100, and a few far outside any table. */
    private static IntSupplier tokens(long seed, int vocabulary) {
        Random r = new Random(seed);
        return () -> {
            int k = r.nextInt(100);
            if (k < 30) {
                return -100;
            }
            if (k == 99) {
                return r.nextBoolean() ? Integer.MIN_VALUE + r.nextInt(5) : (1 << 23) + r.nextInt(5);
            }
            if (k == 98) {
                return -5000 - r.nextInt(3);
            }
            return r.nextInt(vocabulary);
        };
    }

    private static void assertSameAsParquet(IntSupplier ours, IntSupplier theirs, int dictionaryPageBytes, int chunks,
                                            int pages, int perPage) throws IOException {
        ValuesWriter mine = writer(true, dictionaryPageBytes);
        ValuesWriter reference = writer(false, dictionaryPageBytes);
        assertInstanceOf(IntDictionaryWriter.class, ((FallbackValuesWriter<?, ?>) mine).initialWriter);
        assertNotEquals(IntDictionaryWriter.class, ((FallbackValuesWriter<?, ?>) reference).initialWriter.getClass());
        List<String> expected = drive(reference, theirs, chunks, pages, perPage);
        List<String> actual = drive(mine, ours, chunks, pages, perPage);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "step " + i);
        }
    }

    @Test
    void aDictionaryThatHoldsGivesParquetsPagesAndDictionary() throws IOException {
        assertSameAsParquet(tokens(1, 2_000), tokens(1, 2_000), 1 << 20, 3, 4, 5_000);
    }

    @Test
    void aVocabularySizedDictionaryGivesParquetsPagesAndDictionary() throws IOException {
        assertSameAsParquet(tokens(2, 152_000), tokens(2, 152_000), 1 << 20, 2, 3, 40_000);
    }

    @Test
    void aDictionaryThatOutgrowsItsPageFallsBackAsParquetDoes() throws IOException {
        // 4 KB of dictionary is a thousand values: the first page already exceeds it.
        assertSameAsParquet(tokens(3, 152_000), tokens(3, 152_000), 4 << 10, 2, 3, 5_000);
        List<String> steps = drive(writer(true, 4 << 10), tokens(3, 152_000), 1, 2, 5_000);
        assertTrue(steps.get(0).startsWith("page PLAIN "), steps.get(0).substring(0, 20));
    }

    @Test
    void aColumnOfOneValueIsOneDictionaryEntry() throws IOException {
        assertSameAsParquet(() -> -100, () -> -100, 1 << 20, 2, 2, 1_000);
        List<String> steps = drive(writer(true, 1 << 20), () -> -100, 1, 1, 10);
        assertTrue(steps.get(1).startsWith("dictionary PLAIN_DICTIONARY 1 "), steps.get(1));
    }

    @Test
    void theFilesDictionaryListsValuesInOrderOfFirstAppearance() throws IOException {
        int[] values = {42, -100, 7, 42, 151_000, -100, 7};
        int[] i = {0};
        List<String> steps = drive(writer(true, 1 << 20), () -> values[i[0]++], 1, 1, values.length);
        byte[] expected = new byte[4 * 4];
        java.nio.ByteBuffer.wrap(expected).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(42).putInt(-100).putInt(7)
                .putInt(151_000);
        assertEquals("dictionary PLAIN_DICTIONARY 4 " + java.util.Arrays.toString(expected), steps.get(1));
    }
}
