package io.chatprep.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.job.config.ConfigException;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.tasks.EncoderFactory;
import io.chatprep.tokenize.TokenGoldens;
import io.chatprep.vision.VisionFixtures;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job on the vision goldens' rows with Qwen2.5-VL's and Gemma 3's processors: every written row equals
 * transformers' processor (ids, mask, images, image_grid_thw for Qwen), rows the reference fails are quarantined at
 * stage image, and the counts reconcile.
 */
@Tag("spark")
class JobImageRowsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({"qwen2_5_vl, qwen2_5, qwen2_5_vl, 151655, Qwen2.5-VL", "gemma3, gemma3, gemma3, 262144, Gemma 3"})
    void imageRowsComeOutAsTheProcessorMakesThem(String processor, String tokenizer, String family, int imageToken,
                                                 String name, @TempDir Path dir) throws Exception {
        VisionFixtures.layout(dir);
        Path out = dir.resolve("out");
        JobConfig config = JobTestSupport.config(dir.resolve("rows.jsonl"), out, TokenGoldens.tokenizerDir(tokenizer),
                "chat_template=templates/" + family + "_training.jinja", "id_column=name",
                "image_processor=" + VisionFixtures.PROCESSORS.resolve(processor));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        JobResult result = new ChatPrepJob(SparkTestSession.get(), EncoderFactory.conversationEncoder(),
                new PrintStream(console, true, StandardCharsets.UTF_8)).run(config);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("chatprep: images: " + name), console.toString());

        Map<String, JsonNode> goldens = new HashMap<>();
        VisionFixtures.goldens(processor).forEach(g -> goldens.put(g.get("name").asText(), g));
        long failing = goldens.values().stream().filter(g -> g.has("error")).count();
        assertEquals(goldens.size(), result.rowsRead());
        assertEquals(goldens.size() - failing, result.rowsWritten());
        assertEquals(Map.of("image", failing), result.stats().quarantinedByStage());

        List<Row> data = JobTestSupport.readData(SparkTestSession.get(), out);
        assertEquals(result.rowsWritten(), data.size());
        boolean grids = processor.startsWith("qwen");
        assertEquals(grids, List.of(data.get(0).schema().fieldNames()).contains("image_grid_thw"));
        for (Row row : data) {
            String id = row.getAs("id");
            JsonNode g = goldens.get(id);
            int[] ids = JobTestSupport.ints(row, "input_ids");
            assertArrayEquals(ints(g.get("input_ids")), ids, id);
            int[] labels = JobTestSupport.ints(row, "labels");
            int[] mask = ints(g.get("assistant_masks"));
            for (int t = 0; t < ids.length; t++) {
                // image tokens are never trained (transformers' mask covers those of an image in an assistant turn)
                int want = mask[t] == 1 && ids[t] != imageToken ? ids[t] : -100;
                assertEquals(want, labels[t], id + " label " + t);
            }
            List<String> images = row.getList(row.fieldIndex("images"));
            List<String> expected = new ArrayList<>();
            g.get("images").forEach(ref -> expected.add(dir.resolve(ref.asText()).normalize().toString()));
            assertEquals(expected, images, id);
            if (grids) {
                List<String> thw = new ArrayList<>();
                for (Object grid : row.getList(row.fieldIndex("image_grid_thw"))) {
                    thw.add(((scala.collection.Seq<?>) grid).mkString("[", ",", "]"));
                }
                String want = g.has("image_grid_thw") ? g.get("image_grid_thw").toString() : "[]";
                assertEquals(want, "[" + String.join(",", thw) + "]", id);
            }
        }
        for (String q : JobTestSupport.readLines(out.resolve("quarantine"))) {
            JsonNode record = JSON.readTree(q);
            assertEquals("image", record.get("stage").asText(), q);
            assertTrue(goldens.get(record.get("id").asText()).has("error"), q);
        }
        String card = Files.readString(out.resolve("README.md"));
        assertEquals(grids, card.contains("- name: image_grid_thw\n    list:\n      list: int32\n"), card);
        assertTrue(card.contains("Rows with images"), card);
    }

    @Test
    void badImageProcessorSettingsFailBeforeAnyRowNamingTheKey(@TempDir Path dir) {
        Path rows = dir.resolve("rows.jsonl");
        ConfigException auto = assertThrows(ConfigException.class, () -> JobPlan.prepare(JobTestSupport.config(rows,
                dir.resolve("o"), TokenGoldens.tokenizerDir("gemma3"), "image_processor=auto"),
                new org.apache.hadoop.conf.Configuration()));
        assertTrue(auto.getMessage().startsWith("'image_processor' auto: "), auto.getMessage());
        ConfigException pan = assertThrows(ConfigException.class, () -> JobPlan.prepare(JobTestSupport.config(rows,
                dir.resolve("o"), TokenGoldens.tokenizerDir("gemma3"),
                "image_processor=" + VisionFixtures.PROCESSORS.resolve("gemma3_pan_and_scan")),
                new org.apache.hadoop.conf.Configuration()));
        assertTrue(pan.getMessage().contains("'do_pan_and_scan' is true"), pan.getMessage());
        ConfigException packed = assertThrows(ConfigException.class, () -> JobTestSupport.config(rows,
                dir.resolve("o"), TokenGoldens.tokenizerDir("gemma3"), "image_processor=auto", "pack_length=4096")
                .validate());
        assertTrue(packed.getMessage().startsWith("'pack_length' cannot be combined with 'image_processor'"));
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
