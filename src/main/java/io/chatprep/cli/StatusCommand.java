package io.chatprep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.job.config.ConfigLocation;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.output.RunManifest;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * {@code chatprep status [run options] [--run-id ID]}: how the run those options describe ended, from the manifest it
 * left, as an exit code. A run publishes its manifest at the output when it succeeded and at {@code OUTPUT.rejected}
 * when the quality gate refused it; a run that crashed leaves none. {@code scripts/submit} asks this after
 * spark-submit returns, which in cluster deploy mode says nothing of how the driver ended.
 */
public final class StatusCommand implements Command, FlagOptions {
    private static final Set<String> OWN_OPTIONS = Set.of("config", "set", "run-id");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "How a run ended, from its manifest: exit code 0, 5 (not published) or 1 (no manifest)";
    }

    @Override
    public Set<String> flags() {
        return Set.of("derive-masks", "force");
    }

    @Override
    public int run(Args args) throws IOException {
        JobConfig config = RunCommand.config(args, OWN_OPTIONS);
        String runId = args.get("run-id");
        Path output = new Path(config.output());
        FileSystem fs = output.getFileSystem(ConfigLocation.hadoopConfiguration(System.getProperties()));
        JsonNode published = manifest(fs, new Path(output, RunManifest.FILE_NAME), runId);
        if (published != null && "succeeded".equals(published.path("status").asText())) {
            System.out.println("chatprep status: succeeded; " + published.path("counts").path("written").asLong()
                    + " rows written to " + output);
            return ExitCode.OK.code();
        }
        Path rejectedDir = new Path(output.getParent(), output.getName() + ".rejected");
        JsonNode rejected = manifest(fs, new Path(rejectedDir, RunManifest.FILE_NAME), runId);
        if (rejected != null && "failed".equals(rejected.path("status").asText())) {
            System.out.println("chatprep status: not published: " + rejected.path("failure").asText()
                    + " (its files are in " + rejectedDir + ")");
            return ExitCode.REJECTED.code();
        }
        System.out.println("chatprep status: the run left no manifest" + (runId != null ? " with run id " + runId : "")
                + " at " + output + ": it did not finish (see the driver's log)");
        return ExitCode.FAILED.code();
    }

    /** The manifest at {@code file}, or null when there is none or it belongs to another run. */
    private static JsonNode manifest(FileSystem fs, Path file, String runId) throws IOException {
        if (!fs.isFile(file)) {
            return null;
        }
        JsonNode m;
        try (InputStream in = fs.open(file)) {
            m = JSON.readTree(in);
        }
        return runId == null || runId.equals(m.path("run_id").asText(null)) ? m : null;
    }

    @Override
    public String usage() {
        return "usage: chatprep status --config FILE [--set key=value ...] [--KEY VALUE ...] [--run-id ID]\n"
                + "  the same options as the run; exit code 0: it succeeded; 5: the quality gate kept it from being\n"
                + "  published; 1: no manifest (it crashed or is still running). --run-id: only a manifest whose run_id\n"
                + "  is ID counts (spark-submit --conf " + RunManifest.RUN_ID_SETTING + "=ID names a run)";
    }
}
