package io.chatprep.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.job.ChatPrepJob;
import io.chatprep.job.SparkTestSession;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.config.JobConfigLoader;
import io.chatprep.job.tasks.EncoderFactory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report of a small real run (Llama 3.1, real rows mixed with bad ones, one row too long): its numbers
 * against the manifest, its bars against the Parquet, its quarantine table against the manifest's reasons, and
 * its highlighted samples against transformers' decoding (scripts/reference/make_report_goldens.py).
 */
@Tag("spark")
class RunReportTest {
    static final Path INPUT = Path.of("src/test/resources/job/real_mixed.jsonl").toAbsolutePath();
    static final Path TOKENIZER = Path.of("src/test/resources/tokenizers/llama3_1").toAbsolutePath();
    static final Path TEMPLATE = Path.of("templates/llama3_1_training.jinja").toAbsolutePath();
    static final Path GOLDEN = Path.of("src/test/resources/golden/report/llama3_1_real_mixed_text.jsonl");
    static final int MAX_LENGTH = 1024;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path output;
    static String html;
    static JsonNode manifest;
    static List<Row> rows;
    static io.chatprep.job.JobResult result;

    @BeforeAll
    static void run() throws Exception {
        spark = SparkTestSession.get();
        output = dir.resolve("out");
        JobConfig config = new JobConfigLoader()
                .set("input", INPUT.toString())
                .set("output", output.toString())
                .set("tokenizer", TOKENIZER.toString())
                .set("chat_template", TEMPLATE.toString())
                .set("max_length", String.valueOf(MAX_LENGTH))
                .set("now", "2026-01-01T00:00:00")
                .set("num_shards", "2")
                .set("progress_interval_seconds", "600")
                .set("max_quarantine_share", "1")
                .load();
        result = new ChatPrepJob(spark, EncoderFactory.conversationEncoder(),
                new PrintStream(new ByteArrayOutputStream())).run(config);
        html = Files.readString(output.resolve(RunReport.FILE_NAME));
        manifest = JSON.readTree(output.resolve("manifest.json").toFile());
        rows = spark.read().parquet(output.resolve("data").toString()).collectAsList();
    }

    @Test
    void rebuildingFromTheFilesGivesTheRunsOwnPage() throws Exception {
        // The run built its page from the digest it gathered while encoding; 'chatprep report' aggregates the files.
        assertEquals(html, RunReport.html(spark, new org.apache.hadoop.fs.Path(output.toUri()),
                Files.readString(output.resolve("manifest.json"))));
    }

    @Test
    void theRunsOwnPageNeedsNoSparkJobEvenWithQuarantinedRows() throws Exception {
        // Histograms, sources, samples and the quarantine table all come from what the run gathered while encoding.
        assertTrue(result.rowsQuarantined() > 0);
        java.util.concurrent.atomic.AtomicInteger jobs = new java.util.concurrent.atomic.AtomicInteger();
        org.apache.spark.scheduler.SparkListener counter = new org.apache.spark.scheduler.SparkListener() {
            @Override
            public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart start) {
                jobs.incrementAndGet();
            }
        };
        spark.sparkContext().addSparkListener(counter);
        try {
            String page = RunReport.html(spark, new org.apache.hadoop.fs.Path(output.toUri()),
                    Files.readString(output.resolve("manifest.json")), new RunReport.RunState(result.stats().digest(),
                            null, result.stats().quarantineReasons(RunReport.MAX_QUARANTINE_REASONS)));
            spark.sparkContext().listenerBus().waitUntilEmpty();
            assertEquals(html, page);
            assertEquals(0, jobs.get());
        } finally {
            spark.sparkContext().removeSparkListener(counter);
        }
    }

    @Test
    void totalsEqualTheManifest() {
        JsonNode counts = manifest.path("counts");
        Map<String, Long> shown = dataValues(html);
        for (String key : List.of("read", "written", "quarantined", "filtered_max_length", "truncated", "output_rows",
                "data_files", "quarantine_files")) {
            assertEquals(counts.path(key).asLong(), shown.get(key), key);
        }
        assertEquals(manifest.path("tokens").path("total").asLong(), shown.get("tokens_total"));
        assertEquals(manifest.path("tokens").path("trained").asLong(), shown.get("tokens_trained"));
        JsonNode t = manifest.path("tokens");
        assertTrue(html.contains(t.path("length_p50").asLong() + " / " + t.path("length_p95").asLong() + " / "
                + t.path("length_max").asLong()));
        // The run has something in every bucket, so a test that passes means something.
        assertTrue(counts.path("quarantined").asLong() > 0 && counts.path("filtered_max_length").asLong() > 0);
        assertEquals(rows.size(), counts.path("written").asLong());
    }

    @Test
    void lengthHistogramCountsEveryWrittenRowInItsBin() {
        List<Bar> bars = bars(svg("lengths"));
        assertTrue(bars.size() >= 2 && bars.size() <= ReportAggregates.LENGTH_BINS + 1, "bars: " + bars.size());
        assertEquals(0.0, bars.get(0).lo());
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            assertEquals(i, b.bin());
            if (i > 0) {
                assertEquals(bars.get(i - 1).hi(), b.lo(), "bins are contiguous");
            }
            long expected = rows.stream().mapToInt(r -> r.getInt(r.fieldIndex("num_tokens")))
                    .filter(n -> n >= b.lo() && n < b.hi()).count();
            assertEquals(expected, b.count(), "rows in [" + b.lo() + ", " + b.hi() + ")");
        }
        assertTrue(bars.get(bars.size() - 1).hi() > MAX_LENGTH, "the axis reaches max_length");
        assertTrue(svg("lengths").contains("class=\"limit\""), "max_length line drawn");
        assertTrue(svg("lengths").contains("max_length " + MAX_LENGTH));
    }

    @Test
    void trainedShareHistogramHasTwentyBinsMatchingTheRows() {
        List<Bar> bars = bars(svg("trained-share"));
        assertEquals(ReportAggregates.SHARE_BINS, bars.size());
        long[] expected = new long[ReportAggregates.SHARE_BINS];
        for (Row r : rows) {
            int n = r.getInt(r.fieldIndex("num_tokens"));
            int trained = 0;
            for (Object label : r.getList(r.fieldIndex("labels"))) {
                trained += ((Integer) label) != -100 ? 1 : 0;
            }
            expected[Math.min(ReportAggregates.SHARE_BINS - 1, trained * ReportAggregates.SHARE_BINS / n)]++;
        }
        for (Bar b : bars) {
            assertEquals(expected[b.bin()], b.count(), "share bin " + b.bin());
        }
    }

    @Test
    void perSourceTokensAddUpToTheManifest() {
        Matcher m = Pattern.compile("<g class=\"source\" data-source=\"([^\"]*)\" data-trained=\"(\\d+)\""
                + " data-untrained=\"(\\d+)\"").matcher(svg("sources"));
        long trained = 0;
        long untrained = 0;
        List<String> sources = new ArrayList<>();
        while (m.find()) {
            sources.add(m.group(1));
            trained += Long.parseLong(m.group(2));
            untrained += Long.parseLong(m.group(3));
        }
        // Without id_column the ids are "<file>:<offset>": one source, the input file.
        assertEquals(List.of("real_mixed.jsonl"), sources);
        assertEquals(manifest.path("tokens").path("trained").asLong(), trained);
        assertEquals(manifest.path("tokens").path("total").asLong() - manifest.path("tokens").path("trained").asLong(),
                untrained);
    }

    @Test
    void everyQuarantineReasonIsListedWithItsCountAndASampleRow() {
        JsonNode byReason = manifest.path("counts").path("quarantined_by_reason");
        int reasons = 0;
        for (var stages = byReason.fields(); stages.hasNext(); ) {
            var stage = stages.next();
            for (var it = stage.getValue().fields(); it.hasNext(); ) {
                var reason = it.next();
                reasons++;
                String row = "<tr class=\"reason\" data-stage=\"" + stage.getKey() + "\" data-rows=\""
                        + reason.getValue().asLong() + "\"><td>" + stage.getKey() + "</td><td>"
                        + Html.escape(reason.getKey()) + "</td>";
                assertTrue(html.contains(row), "missing quarantine row: " + row);
            }
        }
        assertTrue(reasons >= 4, "the run quarantines rows at several stages");
        assertEquals(reasons, count(html, "<tr class=\"reason\""));
        // Each sample is an input line of the quarantined file, shown escaped.
        Matcher raw = Pattern.compile("<pre class=\"raw\">(.*?)</pre>", Pattern.DOTALL).matcher(html);
        int samples = 0;
        while (raw.find()) {
            samples++;
            assertFalse(raw.group(1).isBlank());
        }
        assertEquals(reasons, samples);
    }

    @Test
    void samplesShowTrainedTextAsTransformersDecodesIt() throws Exception {
        Map<Long, JsonNode> golden = new HashMap<>();
        for (String line : Files.readAllLines(GOLDEN)) {
            JsonNode g = JSON.readTree(line);
            golden.put(g.path("offset").asLong(), g);
        }
        Matcher title = Pattern.compile("<h3 class=\"sample-title\">real_mixed\\.jsonl:(\\d+) ").matcher(html);
        Matcher pre = Pattern.compile("<pre class=\"sample\">(.*?)</pre>", Pattern.DOTALL).matcher(html);
        int samples = 0;
        while (title.find()) {
            assertTrue(pre.find(title.end()));
            JsonNode g = golden.get(Long.parseLong(title.group(1)));
            StringBuilder all = new StringBuilder();
            StringBuilder trained = new StringBuilder();
            int runs = 0;
            Matcher span = Pattern.compile("<span class=\"([tu])\" data-tokens=\"\\d+\">(.*?)</span>", Pattern.DOTALL)
                    .matcher(pre.group(1));
            while (span.find()) {
                String text = unescape(span.group(2));
                all.append(text);
                if (span.group(1).equals("t")) {
                    trained.append(text);
                    runs++;
                }
            }
            assertEquals(g.path("text").asText(), all.toString());
            assertEquals(g.path("trained_text").asText(), trained.toString());
            assertEquals(g.path("trained_runs").asInt(), runs);
            samples++;
        }
        assertEquals(ReportAggregates.SAMPLE_ROWS, samples);
    }

    @Test
    void reportCommandRecreatesTheSamePage() throws Exception {
        Path copy = output.resolve(RunReport.FILE_NAME);
        Files.delete(copy);
        RunReport.write(spark, new org.apache.hadoop.fs.Path(output.toUri()));
        assertEquals(html, Files.readString(copy));
    }

    @Test
    void datasetCardDeclaresFilesFeaturesAndRowCount() throws Exception {
        String card = Files.readString(output.resolve("README.md"));
        assertTrue(card.contains("  - split: train\n    path: data/train-*.parquet\n"));
        assertTrue(card.contains("config = SFTConfig(max_length=None, assistant_only_loss=False)\n"), card);
        assertTrue(card.contains("  - name: input_ids\n    list: int32\n"));
        assertTrue(card.contains("  - name: id\n    dtype: string\n"));
        assertTrue(card.contains("    num_examples: " + rows.size() + "\n"));
        assertTrue(card.contains("\"max_length\" : " + MAX_LENGTH));
    }

    private record Bar(int bin, double lo, double hi, long count) {
    }

    private static List<Bar> bars(String svg) {
        Matcher m = Pattern.compile("<rect class=\"bar\" data-bin=\"(\\d+)\" data-lo=\"([0-9.E-]+)\" data-hi=\"([0-9.E-]+)\""
                + " data-count=\"(\\d+)\"").matcher(svg);
        List<Bar> bars = new ArrayList<>();
        while (m.find()) {
            bars.add(new Bar(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), Long.parseLong(m.group(4))));
        }
        assertEquals(count(svg, "<rect class=\"bar\""), bars.size());
        return bars;
    }

    private static String svg(String id) {
        int start = html.indexOf("<svg id=\"" + id + "\"");
        assertTrue(start >= 0, "no chart " + id);
        return html.substring(start, html.indexOf("</svg>", start));
    }

    private static Map<String, Long> dataValues(String page) {
        Map<String, Long> out = new HashMap<>();
        Matcher m = Pattern.compile("data-key=\"([a-z_]+)\" data-value=\"(\\d+)\"").matcher(page);
        while (m.find()) {
            out.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return out;
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
