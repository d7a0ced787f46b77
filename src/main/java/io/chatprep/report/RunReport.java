package io.chatprep.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.job.input.TokenizerSource;
import io.chatprep.tokenize.HfTokenizer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code report.html} of a run: the manifest's numbers plus histograms, per-source token split, quarantine
 * reasons and highlighted samples aggregated by Spark from the files in the output directory. Used by the job
 * (on its staging directory, before the output is moved into place) and by {@code chatprep report}.
 */
public final class RunReport {
    public static final String FILE_NAME = "report.html";
    /** Distinct quarantine reasons the page lists; the manifest has them all. */
    public static final int MAX_QUARANTINE_REASONS = ReportAggregates.MAX_REASONS;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunReport() {
    }

    /** The page for the output in {@code dir}, whose {@code manifest.json} is given as text. */
    public static String html(SparkSession spark, Path dir, String manifestJson) {
        return html(spark, dir, manifestJson, null);
    }

    /**
     * What the run that wrote the output still holds: the written rows' digest (histograms and sources without a
     * Spark aggregation of the files, samples included) and its tokenizer. Either may be null.
     */
    public record RunState(RowDigest digest, java.util.function.Supplier<HfTokenizer> tokenizer,
                           List<QuarantineReason> quarantine) {
    }

    /** As {@link #html(SparkSession, Path, String)}, using what the run holds ({@code run} may be null). */
    public static String html(SparkSession spark, Path dir, String manifestJson, RunState run) {
        RowDigest digest = run == null ? null : run.digest();
        java.util.function.Supplier<HfTokenizer> runTokenizer = run == null ? null : run.tokenizer();
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("manifest.json in " + dir + " is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode config = manifest.path("config");
        JsonNode bound = config.path("pack_length").isNumber() ? config.path("pack_length") : config.path("max_length");
        JsonNode longest = manifest.path("tokens").path("length_max");
        ReportAggregates agg = new ReportAggregates(spark, dir, bound.isNumber() ? bound.asInt() : null,
                longest.isIntegralNumber() ? longest.asLong() : null, digest);
        List<QuarantineReason> quarantine = run == null || run.quarantine() == null
                ? agg.quarantineReasons() : run.quarantine();
        Histogram lengths = agg.lengths();
        List<SampleRow> samples = new ArrayList<>();
        String unavailable = null;
        List<ReportAggregates.SampleInput> inputs = agg.samples();
        if (!inputs.isEmpty()) {
            String tokenizerPath = manifest.path("tokenizer").path("path").asText(null);
            try {
                if (runTokenizer != null) {
                    SampleHighlighter highlighter = new SampleHighlighter(runTokenizer.get());
                    inputs.forEach(i -> samples.add(highlighter.highlight(i)));
                } else {
                    try (HfTokenizer tokenizer = io.chatprep.encode.TokenizerLoad.load(
                            TokenizerSource.read(tokenizerPath, spark.sparkContext().hadoopConfiguration()).files())) {
                        SampleHighlighter highlighter = new SampleHighlighter(tokenizer);
                        inputs.forEach(i -> samples.add(highlighter.highlight(i)));
                    }
                }
            } catch (RuntimeException e) {
                // The samples are a convenience: a tokenizer moved since the run must not cost the whole report.
                unavailable = "Sample rows are not shown: the tokenizer " + tokenizerPath + " could not be read ("
                        + e.getMessage() + ").";
            }
        }
        ReportContent content = new ReportContent(agg.packed(), lengths, agg.trainedShare(), agg.sources(),
                quarantine, samples, unavailable);
        return ReportPage.render(manifest, content);
    }

    /** Reads {@code dir/manifest.json}, aggregates the output and (re)writes {@code dir/report.html}. */
    public static Path write(SparkSession spark, Path dir) {
        var conf = spark.sparkContext().hadoopConfiguration();
        Path manifest = new Path(dir, "manifest.json");
        Path report = new Path(dir, FILE_NAME);
        try {
            FileSystem fs = dir.getFileSystem(conf);
            if (!fs.exists(manifest)) {
                throw new IllegalArgumentException(dir + " has no manifest.json: not a chatprep output directory");
            }
            String text;
            try (InputStream in = fs.open(manifest)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String page = html(spark, dir, text);
            try (OutputStream out = fs.create(report, true)) {
                out.write(page.getBytes(StandardCharsets.UTF_8));
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + report + ": " + e.getMessage(), e);
        }
    }
}
