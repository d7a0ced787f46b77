package io.chatprep.job.output;

import io.chatprep.job.config.ConfigException;
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
import java.util.UUID;

/**
 * The output directory, written atomically: everything goes to a hidden directory beside the target and is
 * moved into place only when complete, so a failed run leaves no half-written output where readers look.
 */
public final class OutputTarget {
    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final WriteMode mode;

    private OutputTarget(FileSystem fs, Path target, WriteMode mode) {
        this.fs = fs;
        this.target = target;
        this.mode = mode;
        this.staging = new Path(target.getParent(), "." + target.getName() + ".chatprep-" + UUID.randomUUID());
    }

    /** Checks the mode against what exists now, before any work is done, and creates the staging directory. */
    public static OutputTarget prepare(String output, WriteMode mode, Configuration conf) {
        try {
            Path target = new Path(output);
            FileSystem fs = target.getFileSystem(conf);
            target = fs.makeQualified(target);
            if (target.getParent() == null) {
                throw new ConfigException("'output' cannot be a filesystem root: " + output);
            }
            if (mode == WriteMode.ERROR_IF_EXISTS && fs.exists(target)) {
                throw new ConfigException("'output' " + output + " already exists (mode error-if-exists); "
                        + "choose another directory or set mode: overwrite");
            }
            OutputTarget t = new OutputTarget(fs, target, mode);
            fs.mkdirs(t.staging);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare output " + output + ": " + e.getMessage(), e);
        }
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
        }
    }

    /** Moves the staged output into place (replacing an old one under {@code overwrite}). */
    public void commit() {
        try {
            dropChecksums(staging);
            Path old = null;
            if (fs.exists(target)) {
                if (mode != WriteMode.OVERWRITE) {
                    throw new ConfigException("'output' " + target + " appeared while the job ran (mode error-if-exists)");
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

    /** Removes the staging directory after a failure; the target is left as it was. */
    public void abort() {
        try {
            fs.delete(staging, true);
        } catch (IOException ignored) {
            // The failure that led here is the one to report.
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
