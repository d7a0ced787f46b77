package io.chatprep.job.input;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The files one {@code input} entry names. A path that exists as written is taken literally, so a directory whose
 * name holds glob characters ({@code we ird[1]}) is read as it is; otherwise the entry is a glob. Inside directories,
 * and among a glob's matches, names starting with {@code .} or {@code _} are skipped, Hadoop's convention for
 * markers, checksums and temporary files ({@code _SUCCESS}, {@code .part-0.crc}), and reported; a file named
 * explicitly is always read, and so are a glob's matches when the glob's own name starts with {@code .} or {@code _}
 * ({@code _*.jsonl}), as a shell's {@code .*} matches dot files.
 */
final class InputListing {
    private InputListing() {
    }

    static boolean hidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    /** Adds the files {@code input} names to {@code found} (directories walked in name order), skipped ones to {@code skipped}. */
    static void list(String input, org.apache.hadoop.conf.Configuration conf, List<FileStatus> found,
                     Collection<String> skipped) throws IOException {
        Path path = new Path(input);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus literal;
        try {
            literal = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            literal = null;
        }
        if (literal != null) {
            walk(fs, literal, found, skipped);
            return;
        }
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null) {
            return;
        }
        boolean hiddenAsked = hidden(path.getName());
        for (FileStatus m : matches) {
            if (!hiddenAsked && hidden(m.getPath().getName())) {
                skipped.add(m.getPath().toString());
            } else {
                walk(fs, m, found, skipped);
            }
        }
    }

    private static void walk(FileSystem fs, FileStatus status, List<FileStatus> found, Collection<String> skipped)
            throws IOException {
        if (!status.isDirectory()) {
            found.add(status);
            return;
        }
        FileStatus[] children = fs.listStatus(status.getPath());
        Arrays.sort(children);
        for (FileStatus child : children) {
            if (hidden(child.getPath().getName())) {
                skipped.add(child.getPath().toString());
            } else {
                walk(fs, child, found, skipped);
            }
        }
    }
}
