package io.chatprep.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.tasks.EncoderFactory;
import io.chatprep.job.output.OutputRefusedException;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.chatprep.job.JobTestSupport.MIXED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a run may replace, and what it publishes: never its own input, never a directory chatprep did not write
 * (unless forced), never a result that failed the quality gate.
 */
@Tag("spark")
class OutputSafetyTest {
    @TempDir
    static Path dir;
    static Path tokenizer;
    static Path template;
    static SparkSession spark;

    @BeforeAll
    static void setUp() throws Exception {
        spark = SparkTestSession.get();
        tokenizer = Files.createDirectories(dir.resolve("tokenizer"));
        Files.writeString(tokenizer.resolve("tokenizer.json"), "{}");
        template = dir.resolve("marked.jinja");
        Files.writeString(template,
                "{% for m in messages %}{% generation %}{{ m.content }}{% endgeneration %}{% endfor %}");
    }

    private static JobResult run(JobConfig config, PrintStream console) {
        EncoderFactory f = CharacterEncoder.factory();
        return new ChatPrepJob(spark, f, console).run(config);
    }

    /** The job test config with the default quality gate back on (settings may change it). */
    private static JobConfig config(Path input, Path output, String... settings) {
        List<String> all = new java.util.ArrayList<>(List.of("chat_template=" + template,
                "max_quarantine_share=" + JobConfig.DEFAULT_MAX_QUARANTINE_SHARE));
        all.addAll(List.of(settings));
        return JobTestSupport.config(input, output, tokenizer, all.toArray(String[]::new));
    }

    @Test
    void overwriteNeverReplacesTheRunsOwnInput() throws Exception {
        Path in = Files.createDirectories(dir.resolve("own-input/data"));
        Files.copy(MIXED, in.resolve("rows.jsonl"));
        byte[] before = Files.readAllBytes(in.resolve("rows.jsonl"));
        for (Path output : List.of(in, in.getParent(), in.resolve("rows.jsonl"), in.resolve("sub/out"))) {
            for (String input : List.of(in.toString(), in.resolve("*.jsonl").toString(), in.resolve("rows.jsonl").toString())) {
                if (output.startsWith(in) && !output.equals(in) && !input.equals(in.toString())
                        && !output.equals(in.resolve("rows.jsonl"))) {
                    continue; // an output beside the files a glob or a file names is allowed (not read as input)
                }
                OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> run(
                        config(Path.of(input), output, "mode=overwrite", "force=true"), quiet()), output + " / " + input);
                assertTrue(e.getMessage().contains("input"), e.getMessage());
                assertArrayEquals(before, Files.readAllBytes(in.resolve("rows.jsonl")));
            }
        }
        assertEquals(List.of("rows.jsonl"), names(in));
        assertEquals(List.of("data"), names(in.getParent()));
    }

    @Test
    void aRunThatFailsTheQualityGateIsKeptBesideTheOutputNotPublished() throws Exception {
        // mixed.jsonl has 6 of 14 rows quarantined (43%), above the default 5%.
        Path out = dir.resolve("gate");
        RunRejectedException e = assertThrows(RunRejectedException.class, () -> run(config(MIXED, out), quiet()));
        assertTrue(e.getMessage().startsWith("6 of 14 rows read were quarantined (43%), above max_quarantine_share 5.0%"),
                e.getMessage());
        assertFalse(Files.exists(out));
        Path kept = dir.resolve("gate.rejected");
        assertEquals(kept.toUri().toString().replaceFirst("/$", ""), "file://" + e.rejectedOutput().substring(5));
        JsonNode manifest = new ObjectMapper().readTree(kept.resolve("manifest.json").toFile());
        assertEquals("failed", manifest.path("status").asText());
        assertTrue(manifest.path("failure").asText().startsWith("6 of 14 rows read"), manifest.toString());
        assertEquals(6, manifest.path("counts").path("quarantined").asLong());
        assertTrue(Files.readString(kept.resolve("report.html")).contains("<div class=\"failed\" data-status=\"failed\">"
                + "<b>Not published.</b> 6 of 14 rows read were quarantined"));
        assertEquals(6, JobTestSupport.readLines(kept.resolve("quarantine")).size());
        assertEquals(List.of(), names(kept).stream().filter(n -> n.startsWith(".")).toList());

        // A share that allows it publishes the run; a second rejected run replaces the first one's files.
        JobResult ok = run(config(MIXED, out, "max_quarantine_share=0.5"), quiet());
        assertEquals(8, ok.rowsWritten());
        assertEquals("succeeded", new ObjectMapper().readTree(out.resolve("manifest.json").toFile())
                .path("status").asText());
        assertThrows(RunRejectedException.class, () -> run(config(MIXED, dir.resolve("gate"), "mode=overwrite",
                "max_quarantine_share=0.4"), quiet()));
        assertEquals(8, JobTestSupport.readData(spark, out).size(), "the published output stays as it was");
        assertEquals(List.of("gate", "gate.rejected"), names(dir).stream().filter(n -> n.contains("gate")).toList());
    }

    @Test
    void aRunWithoutAnyWrittenRowFailsEvenWhenEverythingMayBeQuarantined() throws Exception {
        Path input = dir.resolve("all-bad.jsonl");
        Files.writeString(input, "{\"messages\": \"not a list\"}\n{\"nothing\": 1}\n");
        RunRejectedException e = assertThrows(RunRejectedException.class,
                () -> run(config(input, dir.resolve("none"), "max_quarantine_share=1"), quiet()));
        assertTrue(e.getMessage().startsWith("no row was written: of 2 rows read, 2 were quarantined"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("none")));
    }

    @Test
    void manyQuarantinedRowsAreAnnouncedBeforeTheRunEnds() throws Exception {
        Path input = dir.resolve("mostly-bad.jsonl");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            rows.append(Files.readString(MIXED));
        }
        Files.writeString(input, rows);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        assertThrows(RunRejectedException.class, () -> run(config(input, dir.resolve("warned")),
                new PrintStream(console, true, StandardCharsets.UTF_8)));
        List<String> warnings = console.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("chatprep: warning: ")).toList();
        assertEquals(1, warnings.size(), console.toString(StandardCharsets.UTF_8));
        assertTrue(warnings.get(0).startsWith("chatprep: warning: 60 of the first 140 rows were quarantined (43%, by "
                + "stage "), warnings.get(0));
        assertTrue(warnings.get(0).contains("above max_quarantine_share 5.0%"), warnings.get(0));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }

    private static List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
