package io.chatprep.job.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: how a run ended ({@code status}, and the reason when it failed), its counts and token
 * statistics, what it read (every input file's size and modification time) and wrote (every output file's size and
 * sha256), the configuration, template and tokenizer it used, and the master and versions it actually ran with.
 */
public final class RunManifest {
    public static final String FILE_NAME = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunManifest() {
    }

    /** What the run was asked to do and what it chose: its configuration, template and tokenizer. */
    public record Plan(Object config, List<String> inputPaths, Map<String, Object> skippedHidden,
                       String templateOrigin, String templateExplanation, String templateSha256, String tokenizerPath,
                       Map<String, String> tokenizerSha256, String encoding, String imageProcessor) {
    }

    /**
     * How the run went; {@code rejection} is null when it succeeded. {@code runId} is the submitter's name for the run
     * ({@link #RUN_ID_SETTING}), null when none was given.
     */
    public record Run(String output, RunStats stats, long outputRows, int dataFiles, int quarantineFiles,
                      Instant started, Instant finished, double seconds, String rejection, String master,
                      String deployMode, String runId, Map<String, Long> splits) {
    }

    /**
     * The Spark setting by which a submitter names a run ({@code --conf spark.chatprep.runId=...}), so that it can tell
     * this run's manifest from one an earlier run left at the same output.
     */
    public static final String RUN_ID_SETTING = "spark.chatprep.runId";

    public static String json(Plan plan, Run run, List<FileFingerprints.Input> inputs,
                              List<FileFingerprints.Output> outputs) {
        RunStats s = run.stats();
        ObjectNode m = JSON.createObjectNode();
        m.put("format", "chatprep-manifest/1");
        m.put("status", run.rejection() == null ? "succeeded" : "failed");
        if (run.rejection() != null) {
            m.put("failure", run.rejection());
        }
        if (run.runId() != null) {
            m.put("run_id", run.runId());
        }
        m.put("started_at", run.started().toString());
        m.put("finished_at", run.finished().toString());
        m.put("seconds", Math.round(run.seconds() * 10) / 10.0);
        m.put("output", run.output());
        ObjectNode input = m.putObject("input");
        input.set("paths", JSON.valueToTree(plan.inputPaths()));
        input.put("files", inputs.size());
        input.put("bytes", inputs.stream().mapToLong(FileFingerprints.Input::bytes).sum());
        input.set("skipped_hidden", JSON.valueToTree(plan.skippedHidden()));
        ArrayNode inputFiles = input.putArray("fingerprint");
        for (FileFingerprints.Input f : inputs) {
            inputFiles.addObject().put("path", f.path()).put("bytes", f.bytes()).put("modified", f.modified());
        }
        ArrayNode outputFiles = m.putArray("files");
        for (FileFingerprints.Output f : outputs) {
            outputFiles.addObject().put("path", f.path()).put("bytes", f.bytes()).put("sha256", f.sha256());
        }
        ObjectNode counts = m.putObject("counts");
        counts.put("read", s.read());
        counts.put("written", s.written());
        counts.put("quarantined", s.quarantined());
        counts.put("filtered_max_length", s.filtered());
        counts.put("truncated", s.truncated());
        counts.put("output_rows", run.outputRows());
        counts.set("splits", JSON.valueToTree(run.splits()));
        counts.put("data_files", run.dataFiles());
        counts.put("quarantine_files", run.quarantineFiles());
        counts.set("quarantined_by_stage", JSON.valueToTree(s.quarantinedByStage()));
        counts.set("quarantined_by_reason", JSON.valueToTree(s.quarantinedByReason()));
        ObjectNode tokens = m.putObject("tokens");
        tokens.put("total", s.totalTokens());
        tokens.put("trained", s.trainedTokens());
        tokens.put("trained_share", s.totalTokens() == 0 ? 0.0 : (double) s.trainedTokens() / s.totalTokens());
        tokens.put("length_p50", s.lengthPercentile(0.5));
        tokens.put("length_p95", s.lengthPercentile(0.95));
        tokens.put("length_max", s.maxLength());
        m.set("config", JSON.valueToTree(plan.config()));
        ObjectNode template = m.putObject("template");
        template.put("origin", plan.templateOrigin());
        template.put("explanation", plan.templateExplanation());
        template.put("sha256", plan.templateSha256());
        ObjectNode tokenizer = m.putObject("tokenizer");
        tokenizer.put("path", plan.tokenizerPath());
        tokenizer.set("sha256", JSON.valueToTree(plan.tokenizerSha256()));
        tokenizer.put("encoding", plan.encoding());
        if (plan.imageProcessor() != null) {
            m.put("image_processor", plan.imageProcessor());
        }
        ObjectNode spark = m.putObject("spark");
        spark.put("master", run.master());
        spark.put("deploy_mode", run.deployMode());
        m.set("versions", JSON.valueToTree(Versions.all()));
        try {
            return JSON.writeValueAsString(m) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the manifest: " + e.getMessage(), e);
        }
    }
}
