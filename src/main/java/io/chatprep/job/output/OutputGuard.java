package io.chatprep.job.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.job.config.WriteMode;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;

/**
 * What may be replaced. Replacing the output deletes it whole, so before any work: the output must not be, contain
 * or lie inside the run's input, and under {@code overwrite} an existing directory must be one chatprep wrote (its
 * {@code manifest.json} says so) unless the user forces it. An empty directory holds nothing to lose.
 */
final class OutputGuard {
    static final String MANIFEST = "manifest.json";
    private static final String MANIFEST_FORMAT = "chatprep-manifest/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputGuard() {
    }

    /**
     * @param inputDirectories qualified directories the input names (read whole), and
     * @param inputFiles       qualified files the run reads
     */
    static void check(FileSystem fs, Path target, String output, WriteMode mode, boolean force,
                      Collection<Path> inputDirectories, Collection<Path> inputFiles) throws IOException {
        String t = withSlash(target);
        for (Path dir : inputDirectories) {
            if (withSlash(dir).startsWith(t)) {
                throw new OutputRefusedException("'output' " + output + " holds the input directory " + dir
                        + ": writing it would replace the run's own input; choose an output outside the input");
            }
            if (t.startsWith(withSlash(dir))) {
                throw new OutputRefusedException("'output' " + output + " lies inside the input directory " + dir
                        + ": its files would be read as input by later runs; choose an output outside the input");
            }
        }
        for (Path file : inputFiles) {
            if (file.toString().equals(target.toString()) || withSlash(file).startsWith(t)) {
                throw new OutputRefusedException("'output' " + output + " holds the input file " + file
                        + ": writing it would replace the run's own input; choose an output outside the input");
            }
        }
        if (!fs.exists(target)) {
            return;
        }
        if (mode == WriteMode.ERROR_IF_EXISTS) {
            throw new OutputRefusedException("'output' " + output + " already exists (mode error-if-exists); "
                    + "choose another directory or set mode: overwrite");
        }
        if (!force && !replaceable(fs, target)) {
            throw new OutputRefusedException("'output' " + output + " exists and is not a chatprep output (no "
                    + MANIFEST + " of a chatprep run in it); overwrite replaces only chatprep outputs: choose another "
                    + "directory, or add --force (force: true) to replace it with everything in it");
        }
    }

    /** An empty directory, or one whose manifest a chatprep run wrote. */
    private static boolean replaceable(FileSystem fs, Path target) throws IOException {
        FileStatus status = fs.getFileStatus(target);
        if (!status.isDirectory()) {
            return false;
        }
        return fs.listStatus(target).length == 0 || isChatprepOutput(fs, target);
    }

    /** A directory holding the manifest of a chatprep run. */
    static boolean isChatprepOutput(FileSystem fs, Path dir) throws IOException {
        Path manifest = new Path(dir, MANIFEST);
        if (!fs.exists(manifest)) {
            return false;
        }
        try (InputStream in = fs.open(manifest)) {
            JsonNode m = JSON.readTree(in);
            return m != null && m.path("format").asText("").startsWith(MANIFEST_FORMAT);
        } catch (IOException e) {
            return false;
        }
    }

    private static String withSlash(Path p) {
        String s = p.toString();
        return s.endsWith("/") ? s : s + "/";
    }
}
