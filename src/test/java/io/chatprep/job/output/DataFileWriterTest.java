package io.chatprep.job.output;

import io.chatprep.job.layout.OutputSchema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files written column by column read back, through parquet-mr's record reader, as exactly the rows given. */
class DataFileWriterTest {
    private static final Configuration HADOOP = new Configuration();

    @TempDir
    java.nio.file.Path dir;

    private static int[] randomInts(Random r, int n, int bound) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(bound) - 100;
        }
        return a;
    }

    private static List<DataRow> rows(boolean packed, int count) {
        Random r = new Random(7);
        List<DataRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Every fifth row has empty lists: the writer's null-at-level-0 path.
            int n = i % 5 == 3 ? 0 : 1 + r.nextInt(300);
            byte[] mask = new byte[n];
            for (int k = 0; k < n; k++) {
                mask[k] = (byte) r.nextInt(2);
            }
            String[] ids = packed ? (n == 0 ? new String[0] : new String[] {"r" + i + "a", "r" + i + "b – ü"}) : null;
            int[] seq = packed ? (n == 0 ? new int[0] : new int[] {n / 2, n - n / 2}) : null;
            rows.add(new DataRow(packed ? null : "row-" + i + " ✓", ids, randomInts(r, n, 152_000),
                    randomInts(r, n, 300), mask, seq, n, r.nextInt(n + 1)));
        }
        return rows;
    }

    /** The elements of a three-level list column, each read from its element group by {@code read}. */
    private static <T> List<T> elements(Group g, String field, java.util.function.Function<Group, T> read) {
        Group list = g.getGroup(field, 0);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
            out.add(read.apply(list.getGroup("list", i)));
        }
        return out;
    }

    private static int[] ints(Group g, String field) {
        return elements(g, field, e -> e.getInteger("element", 0)).stream().mapToInt(Integer::intValue).toArray();
    }

    private static String[] strings(Group g, String field) {
        return elements(g, field, e -> e.getString("element", 0)).toArray(String[]::new);
    }

    private List<Group> readBack(Path file) throws IOException {
        List<Group> out = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(HADOOP)
                .build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                out.add(g);
            }
        }
        return out;
    }

    private Path write(String name, boolean packed, boolean masks, List<DataRow> rows, long rowGroupBytes)
            throws IOException {
        Path file = new Path(dir.resolve(name).toUri());
        try (DataFileWriter w = new DataFileWriter(file, HADOOP, packed, masks, rowGroupBytes)) {
            for (DataRow row : rows) {
                w.write(row);
            }
        }
        return file;
    }

    @Test
    void rowsReadBackExactlyAcrossManyRowGroups() throws IOException {
        List<DataRow> rows = rows(false, 2_500);
        // A small row-group budget forces many groups, so group boundaries and size checks are exercised.
        Path file = write("rows.parquet", false, true, rows, 64 * 1024);
        List<Group> back = readBack(file);
        assertEquals(rows.size(), back.size());
        for (int i = 0; i < rows.size(); i++) {
            DataRow want = rows.get(i);
            Group got = back.get(i);
            assertEquals(want.id(), got.getString("id", 0));
            assertArrayEquals(want.inputIds(), ints(got, "input_ids"), "input_ids of row " + i);
            assertArrayEquals(want.labels(), ints(got, "labels"), "labels of row " + i);
            int[] mask = new int[want.assistantMask().length];
            for (int k = 0; k < mask.length; k++) {
                mask[k] = want.assistantMask()[k];
            }
            assertArrayEquals(mask, ints(got, "assistant_masks"), "assistant_masks of row " + i);
            assertEquals(want.numTokens(), got.getInteger("num_tokens", 0));
            assertEquals(want.numTrainedTokens(), got.getInteger("num_trained_tokens", 0));
        }
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, HADOOP))) {
            ParquetMetadata footer = reader.getFooter();
            assertTrue(footer.getBlocks().size() > 5, "row groups: " + footer.getBlocks().size());
            assertEquals(rows.size(), footer.getBlocks().stream().mapToLong(b -> b.getRowCount()).sum());
            assertEquals(DataFileWriter.schema(false, true), footer.getFileMetaData().getSchema());
            assertEquals(OutputSchema.data(false, true).json(),
                    footer.getFileMetaData().getKeyValueMetaData().get(DataFileWriter.SPARK_SCHEMA_KEY));
        }
    }

    private void assertListsReadBack(List<DataRow> rows, Path file) throws IOException {
        List<Group> back = readBack(file);
        assertEquals(rows.size(), back.size());
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(rows.get(i).inputIds(), ints(back.get(i), "input_ids"), "input_ids of row " + i);
            assertArrayEquals(rows.get(i).labels(), ints(back.get(i), "labels"), "labels of row " + i);
            int[] mask = new int[rows.get(i).assistantMask().length];
            for (int k = 0; k < mask.length; k++) {
                mask[k] = rows.get(i).assistantMask()[k];
            }
            assertArrayEquals(mask, ints(back.get(i), "assistant_masks"), "assistant_masks of row " + i);
        }
    }

    private static DataRow row(int[] ids, int[] labels) {
        byte[] mask = new byte[ids.length];
        for (int k = 0; k < mask.length; k++) {
            mask[k] = (byte) (labels[k] == -100 ? 0 : k % 3 == 0 ? -1 : 1);
        }
        return new DataRow("r", null, ids, labels, mask, null, ids.length, 0);
    }

    @Test
    void listsOfEveryShapeReadBackExactly() throws IOException {
        // Values at and past the ends of the writer's direct table, the int range's ends, runs just under, at and
        // over the length written as one run, single values and empty lists next to each other.
        int[] edges = {-1024, -1025, -1023, (1 << 22) - 1025, (1 << 22) - 1024, 1 << 22, Integer.MIN_VALUE,
            Integer.MAX_VALUE, 0, 151_668};
        List<DataRow> rows = new ArrayList<>();
        rows.add(row(new int[0], new int[0]));
        rows.add(row(new int[] {7}, new int[] {-100}));
        rows.add(row(new int[] {7}, new int[] {7}));
        rows.add(row(new int[0], new int[0]));
        rows.add(row(new int[0], new int[0]));
        rows.add(row(edges, edges.clone()));
        for (int run : new int[] {7, 8, 9, 16, 17, 500}) {
            int[] ids = new int[run + 3];
            int[] labels = new int[run + 3];
            java.util.Arrays.fill(labels, 0, run, -100);
            for (int k = 0; k < ids.length; k++) {
                ids[k] = k < run ? 42 : 1000 + k;
                labels[k] = k < run ? -100 : ids[k];
            }
            rows.add(row(ids, labels));
        }
        Random r = new Random(11);
        for (int i = 0; i < 3_000; i++) {
            int n = r.nextInt(10) == 0 ? 0 : r.nextInt(40);
            int[] ids = new int[n];
            int[] labels = new int[n];
            for (int k = 0; k < n; k++) {
                ids[k] = r.nextInt(8) == 0 ? edges[r.nextInt(edges.length)] : r.nextInt(2_000);
                labels[k] = r.nextBoolean() ? -100 : ids[k];
            }
            rows.add(row(ids, labels));
        }
        assertListsReadBack(rows, write("shapes.parquet", false, true, rows, 64 * 1024));
        assertListsReadBack(rows, write("shapes-one-group.parquet", false, true, rows, DataFileWriter.ROW_GROUP_BYTES));
    }

    @Test
    void aDictionaryTooLargeForItsPageLeavesLaterPagesPlain() throws IOException {
        // A page closes at 1 MB of values, about 263 rows of 1,000 here. The first 300 rows repeat 1,000 ids, then
        // every id is new: the second page's 226,000 new ids still fit the dictionary's 1 MB page (262,144 ids),
        // the third page's do not, so it and every later page in the row group carry their values plain.
        List<DataRow> rows = new ArrayList<>();
        int next = 1_000;
        for (int i = 0; i < 900; i++) {
            int[] ids = new int[1_000];
            int[] labels = new int[1_000];
            for (int k = 0; k < ids.length; k++) {
                ids[k] = i < 300 ? k : next++;
                labels[k] = k < 500 ? -100 : k;
            }
            rows.add(row(ids, labels));
        }
        Path file = write("many-ids.parquet", false, true, rows, DataFileWriter.ROW_GROUP_BYTES);
        assertListsReadBack(rows, file);
        var chunks = rawFooter(file).getRow_groups().get(0).getColumns();
        var inputIds = chunks.stream().filter(c -> c.getMeta_data().getPath_in_schema().get(0).equals("input_ids"))
                .findFirst().orElseThrow().getMeta_data();
        List<String> pages = inputIds.getEncoding_stats().stream()
                .map(e -> e.getPage_type() + " " + e.getEncoding()).toList();
        assertTrue(pages.contains("DATA_PAGE PLAIN_DICTIONARY") && pages.contains("DATA_PAGE PLAIN")
                && pages.contains("DICTIONARY_PAGE PLAIN_DICTIONARY"), pages.toString());
        var labels = chunks.stream().filter(c -> c.getMeta_data().getPath_in_schema().get(0).equals("labels"))
                .findFirst().orElseThrow().getMeta_data();
        assertEquals(List.of("DATA_PAGE PLAIN_DICTIONARY", "DICTIONARY_PAGE PLAIN_DICTIONARY"), labels.getEncoding_stats()
                .stream().map(e -> e.getPage_type() + " " + e.getEncoding()).toList());
    }

    @Test
    void packedRowsKeepTheirIdsAndLengths() throws IOException {
        List<DataRow> rows = rows(true, 300);
        List<Group> back = readBack(write("packed.parquet", true, false, rows, DataFileWriter.ROW_GROUP_BYTES));
        assertEquals(rows.size(), back.size());
        for (int i = 0; i < rows.size(); i++) {
            DataRow want = rows.get(i);
            Group got = back.get(i);
            assertArrayEquals(want.ids(), strings(got, "ids"));
            assertArrayEquals(want.inputIds(), ints(got, "input_ids"));
            assertArrayEquals(want.seqLengths(), ints(got, "seq_lengths"));
            assertEquals(0, got.getType().getFields().stream().filter(f -> f.getName().equals("assistant_masks"))
                    .count());
        }
    }

    @Test
    void aFileWithoutRowsHasTheSchemaAndNoRowGroups() throws IOException {
        Path file = write("empty.parquet", false, true, List.of(), DataFileWriter.ROW_GROUP_BYTES);
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, HADOOP))) {
            assertEquals(0, reader.getFooter().getBlocks().size());
            assertEquals(DataFileWriter.schema(false, true), reader.getFooter().getFileMetaData().getSchema());
        }
        assertEquals(List.of(), readBack(file));
    }

    /** The footer as stored: the thrift structure behind the last 8 bytes. */
    private static org.apache.parquet.format.FileMetaData rawFooter(Path file) throws IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(file.toUri()));
        int end = bytes.length - 8;
        int length = java.nio.ByteBuffer.wrap(bytes, end, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        assertEquals("PAR1", new String(bytes, end + 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
        return org.apache.parquet.format.Util.readFileMetaData(
                new java.io.ByteArrayInputStream(bytes, end - length, length));
    }

    @Test
    void theFooterListsEncodingsInOneOrderWhateverTheJvm() throws IOException {
        // parquet-mr gathers encodings in hash sets whose order follows identity hash codes; this JVM alone
        // cannot show another order, so the check is that every list is sorted, which no JVM's hashing changes.
        Path file = write("ordered.parquet", false, true, rows(false, 2_000), 64 * 1024);
        int lists = 0;
        for (var group : rawFooter(file).getRow_groups()) {
            for (var chunk : group.getColumns()) {
                List<Integer> encodings = chunk.getMeta_data().getEncodings().stream()
                        .map(org.apache.parquet.format.Encoding::getValue).toList();
                assertEquals(encodings.stream().sorted().toList(), encodings, chunk.getMeta_data().getPath_in_schema().toString());
                List<Integer> stats = chunk.getMeta_data().getEncoding_stats().stream()
                        .map(e -> e.getPage_type().getValue() * 1000 + e.getEncoding().getValue()).toList();
                assertEquals(stats.stream().sorted().toList(), stats);
                lists += encodings.size() > 1 ? 1 : 0;
            }
        }
        assertTrue(lists > 10, "column chunks with several encodings: " + lists);
        assertEquals(2_000, readBack(file).size());
    }

    @Test
    void orderingAFooterSortsItsListsAndKeepsItsLength() throws IOException {
        var meta = new org.apache.parquet.format.ColumnMetaData(org.apache.parquet.format.Type.INT32,
                new ArrayList<>(List.of(org.apache.parquet.format.Encoding.RLE, org.apache.parquet.format.Encoding.PLAIN_DICTIONARY,
                        org.apache.parquet.format.Encoding.BIT_PACKED, org.apache.parquet.format.Encoding.PLAIN)),
                List.of("input_ids", "list", "element"), org.apache.parquet.format.CompressionCodec.SNAPPY, 10, 40, 30, 4);
        meta.setEncoding_stats(new ArrayList<>(List.of(
                new org.apache.parquet.format.PageEncodingStats(org.apache.parquet.format.PageType.DATA_PAGE,
                        org.apache.parquet.format.Encoding.PLAIN_DICTIONARY, 3),
                new org.apache.parquet.format.PageEncodingStats(org.apache.parquet.format.PageType.DICTIONARY_PAGE,
                        org.apache.parquet.format.Encoding.PLAIN, 1),
                new org.apache.parquet.format.PageEncodingStats(org.apache.parquet.format.PageType.DATA_PAGE,
                        org.apache.parquet.format.Encoding.PLAIN, 2))));
        var chunk = new org.apache.parquet.format.ColumnChunk(4);
        chunk.setMeta_data(meta);
        var group = new org.apache.parquet.format.RowGroup(new ArrayList<>(List.of(chunk)), 40, 10);
        var footer = new org.apache.parquet.format.FileMetaData(1, new ArrayList<>(), 10, new ArrayList<>(List.of(group)));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        org.apache.parquet.format.Util.writeFileMetaData(footer, bytes);

        byte[] ordered = OrderedFooterFile.orderFooter(bytes.toByteArray());
        assertEquals(bytes.size(), ordered.length);
        var back = org.apache.parquet.format.Util.readFileMetaData(new java.io.ByteArrayInputStream(ordered))
                .getRow_groups().get(0).getColumns().get(0).getMeta_data();
        assertEquals(List.of(org.apache.parquet.format.Encoding.PLAIN, org.apache.parquet.format.Encoding.PLAIN_DICTIONARY,
                org.apache.parquet.format.Encoding.RLE, org.apache.parquet.format.Encoding.BIT_PACKED), back.getEncodings());
        assertEquals(List.of("DATA_PAGE PLAIN", "DATA_PAGE PLAIN_DICTIONARY", "DICTIONARY_PAGE PLAIN"),
                back.getEncoding_stats().stream().map(e -> e.getPage_type() + " " + e.getEncoding()).toList());
    }
}
