package io.chatprep.job.tasks;

import io.chatprep.encode.EncodedImages;
import io.chatprep.encode.EncodedRow;
import io.chatprep.job.config.JobConfigLoader;
import io.chatprep.job.config.MaxLengthPolicy;
import io.chatprep.job.input.RowConverter;
import io.chatprep.job.input.SourceRow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** max_length_policy truncate on image rows: whole images past the cut are dropped, an image cut in two is refused. */
class ImageTruncationTest {
    // 12 tokens: image 1 is tokens 3-5, image 2 tokens 8-10; tokens 1 and 11 are trained
    private static final int[] IDS = {1, 5, 2, 9, 9, 9, 3, 4, 9, 9, 9, 6};
    private static final byte[] MASK = {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private static final RowEncoder IMAGES = new RowEncoder() {
        @Override
        public EncodedRow encode(Map<String, Object> row) {
            int[] labels = new int[IDS.length];
            for (int i = 0; i < IDS.length; i++) {
                labels[i] = MASK[i] == 1 ? IDS[i] : -100;
            }
            return new EncodedRow(IDS, MASK, labels, 2, new EncodedImages(List.of("/a.png", "/b.png"),
                    new int[][] {{1, 2, 6}, {1, 4, 6}}, new int[] {3, 6, 8, 11}));
        }

        @Override
        public void close() {
        }
    };

    private static EncodedRecord truncated(int length) {
        RowConverter converter = new RowConverter(new JobConfigLoader().set("tokenizer", "t").load());
        PartitionEncoder encoder = new PartitionEncoder(null, null, converter, null,
                new LengthLimit(length, MaxLengthPolicy.TRUNCATE), null, null);
        return encoder.encodeOne(IMAGES, new SourceRow("file:/data/rows.jsonl", 0,
                "{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}", null));
    }

    @Test
    void imagesWhollyKeptStayImagesPastTheCutGo() {
        EncodedRecord whole = truncated(12);
        assertEquals(Outcome.WRITTEN, whole.outcome());
        assertArrayEquals(new String[] {"/a.png", "/b.png"}, whole.images());
        // a cut at 11 tokens keeps image 2 (tokens 8-10) whole
        EncodedRecord eleven = truncated(11);
        assertEquals(Outcome.WRITTEN, eleven.outcome());
        assertEquals(11, eleven.numTokens());
        assertArrayEquals(new int[] {1, 4, 6}, eleven.imageGrids()[1]);
        // at 7 tokens image 2 lies wholly past the cut: it leaves the row with its grid
        EncodedRecord seven = truncated(7);
        assertEquals(Outcome.WRITTEN, seven.outcome());
        assertArrayEquals(new String[] {"/a.png"}, seven.images());
        assertEquals(1, seven.imageGrids().length);
    }

    @Test
    void anImageCutInTwoQuarantinesTheRow() {
        EncodedRecord cut = truncated(9);
        assertEquals(Outcome.QUARANTINED, cut.outcome());
        assertEquals("image", cut.stage());
        assertEquals("truncation to 9 tokens would cut image 2 (/b.png, tokens 8-10) in two", cut.reason());
    }
}
