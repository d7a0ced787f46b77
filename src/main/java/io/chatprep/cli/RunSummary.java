package io.chatprep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatprep.job.JobResult;
import io.chatprep.job.RunRejectedException;
import io.chatprep.job.config.JobConfig;

/**
 * The one machine-readable line {@code run --summary-json} ends with, for a scheduler (Airflow, cron) that parses the
 * last line of the output rather than the human summary: status, exit code, output, counts and, on failure, the
 * one-line reason.
 */
final class RunSummary {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunSummary() {
    }

    /** A finished run (null for a dry run, which writes nothing). */
    static String of(JobResult result, JobConfig config) {
        ObjectNode line = JSON.createObjectNode();
        line.put("status", result == null ? "dry-run" : "succeeded");
        line.put("exit_code", ExitCode.OK.code());
        line.put("output", result == null ? null : result.output());
        if (result != null) {
            counts(line, result);
        }
        return line.toString();
    }

    static String of(Throwable failure, JobConfig config) {
        ExitCode code = ExitCode.of(failure);
        ObjectNode line = JSON.createObjectNode();
        line.put("status", "failed");
        line.put("exit_code", code.code());
        line.put("failure", code.name().toLowerCase(java.util.Locale.ROOT));
        line.put("reason", FailureMessage.of(failure));
        line.put("output", config.output());
        if (failure instanceof RunRejectedException rejected) {
            line.put("rejected_output", rejected.rejectedOutput());
            counts(line, rejected.result());
        }
        return line.toString();
    }

    private static void counts(ObjectNode line, JobResult r) {
        ObjectNode rows = line.putObject("rows");
        rows.put("read", r.rowsRead());
        rows.put("written", r.rowsWritten());
        rows.put("quarantined", r.rowsQuarantined());
        rows.put("filtered", r.rowsFiltered());
        ObjectNode tokens = line.putObject("tokens");
        tokens.put("total", r.totalTokens());
        tokens.put("trained", r.trainedTokens());
        line.put("data_files", r.dataFiles());
        line.put("seconds", Math.round(r.seconds() * 10) / 10.0);
    }
}
