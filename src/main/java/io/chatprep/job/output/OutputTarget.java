package io.chatprep.job.output;

import io.chatprep.job.config.WriteMode;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The output directory, written atomically: everything goes to a hidden directory beside the target and is
 * moved into place only when complete, so a failed run leaves no half-written output where readers look.
 */
public final class OutputTarget {
    private static final int ABORT_ATTEMPTS = 5;
    private static final long ABORT_PAUSE_MILLIS = 200;
    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final WriteMode mode;
    private final List<StagingRuns.Removed> removedStaging;
    private AutoCloseable heartbeat;

    private OutputTarget(FileSystem fs, Path target, WriteMode mode, List<StagingRuns.Removed> removedStaging) {
        this.fs = fs;
        this.target = target;
        this.mode = mode;
        this.removedStaging = List.copyOf(removedStaging);
        this.staging = new Path(target.getParent(), "." + target.getName() + StagingRuns.STAGING_INFIX
                + UUID.randomUUID());
    }

    /**
     * Before any work: checks the output against the mode and the run's input ({@link OutputGuard}), removes what
     * dead runs left beside it ({@link StagingRuns}) and creates this run's staging directory.
     *
     * @param inputDirectories directories the input names, {@code inputFiles} the files it reads (any form Hadoop
     *                         qualifies)
     */
    public static OutputTarget prepare(String output, WriteMode mode, boolean force, Collection<String> inputDirectories,
                                       Collection<String> inputFiles, Configuration conf) {
        try {
            Path target = new Path(output);
            FileSystem fs = target.getFileSystem(conf);
            target = fs.makeQualified(target);
            if (target.getParent() == null) {
                throw new OutputRefusedException("'output' cannot be a filesystem root: " + output);
            }
            OutputGuard.check(fs, target, output, mode, force, qualified(inputDirectories, conf),
                    qualified(inputFiles, conf));
            List<StagingRuns.Removed> removed = StagingRuns.removeDead(fs, target, Instant.now());
            OutputTarget t = new OutputTarget(fs, target, mode, removed);
            fs.mkdirs(t.staging);
            t.heartbeat = StagingRuns.startHeartbeat(fs, t.staging);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare output " + output + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> qualified(Collection<String> paths, Configuration conf) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String p : paths) {
            Path path = new Path(p);
            out.add(path.getFileSystem(conf).makeQualified(path));
        }
        return out;
    }

    /** Staging directories of dead runs that {@link #prepare} removed. */
    public List<StagingRuns.Removed> removedStaging() {
        return removedStaging;
    }

    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    public FileSystem fs() {
        return fs;
    }

    public void writeText(String relative, String text) {
        try (OutputStream out = fs.create(new Path(staging, relative), true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative + " in " + staging + ": " + e.getMessage(), e);
        } catch (org.apache.hadoop.fs.FSError e) {
            // The local filesystem reports a full disk or a failed write as an Error, which nothing above expects.
            throw new UncheckedIOException("cannot write " + relative + " in " + staging + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
                    e.getCause() instanceof IOException io ? io : new IOException(e));
        }
    }

    /** Moves the staged output into place (replacing an old one under {@code overwrite}). */
    public void commit() {
        try {
            stopHeartbeat();
            dropChecksums(staging);
            Path old = null;
            if (fs.exists(target)) {
                if (mode != WriteMode.OVERWRITE) {
                    throw new OutputRefusedException("'output' " + target + " appeared while the job ran "
                            + "(mode error-if-exists); this run's output was not moved into place");
                }
                old = new Path(target.getParent(), "." + target.getName() + ".chatprep-old-" + UUID.randomUUID());
                rename(target, old);
            }
            rename(staging, target);
            if (old != null) {
                fs.delete(old, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the output into place at " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keeps a run that failed its quality gate where it can be inspected but is never taken for training data:
     * the staging directory becomes {@code NAME.rejected} beside the target (replacing an earlier rejected run's;
     * a directory of that name that chatprep did not write is kept and a dated name used instead). The target is
     * left as it was. Returns where the files went.
     */
    public Path reject() {
        try {
            stopHeartbeat();
            dropChecksums(staging);
            Path rejected = new Path(target.getParent(), target.getName() + ".rejected");
            if (fs.exists(rejected)) {
                if (OutputGuard.isChatprepOutput(fs, rejected)) {
                    fs.delete(rejected, true);
                } else {
                    rejected = new Path(target.getParent(), target.getName() + ".rejected-"
                            + java.time.LocalDateTime.now().withNano(0).toString().replace(':', '-'));
                }
            }
            rename(staging, rejected);
            return rejected;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the rejected run's files beside " + target + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Removes the staging directory after a failure; the target is left as it was. A task that was stopped while
     * writing may create its file's directory again just after the delete, so the delete is repeated briefly.
     */
    public void abort() {
        try {
            stopHeartbeat();
            for (int attempt = 0; attempt < ABORT_ATTEMPTS && fs.exists(staging); attempt++) {
                fs.delete(staging, true);
                Thread.sleep(ABORT_PAUSE_MILLIS);
            }
        } catch (IOException ignored) {
            // The failure that led here is the one to report.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void stopHeartbeat() throws IOException {
        if (heartbeat != null) {
            try {
                heartbeat.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            } finally {
                heartbeat = null;
            }
        }
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("rename " + from + " -> " + to + " failed");
        }
    }

    /** Local filesystems add {@code .crc} side files; readers never need them and they clutter the output. */
    private void dropChecksums(Path dir) throws IOException {
        if (fs instanceof ChecksumFileSystem checksummed) {
            dropChecksums(checksummed.getRawFileSystem(), dir);
        }
    }

    private static void dropChecksums(FileSystem raw, Path dir) throws IOException {
        for (FileStatus s : raw.listStatus(dir)) {
            if (s.isDirectory()) {
                dropChecksums(raw, s.getPath());
            } else if (s.getPath().getName().endsWith(".crc")) {
                raw.delete(s.getPath(), false);
            }
        }
    }
}
