package io.chatprep.tokenize;

import ai.djl.huggingface.tokenizers.jni.LibUtils;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads DJL's tokenizers native library once, extracting it somewhere writable. */
final class NativeLibrary {
    private static final String CACHE_DIR = "DJL_CACHE_DIR";
    private static volatile boolean loaded;

    private NativeLibrary() {
    }

    static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (NativeLibrary.class) {
            if (!loaded) {
                chooseCacheDir();
                GpuProbeLogging.quiet();
                try {
                    LibUtils.checkStatus();
                } catch (RuntimeException | LinkageError e) {
                    throw new NativeLibraryException("cannot load the HuggingFace tokenizers native library ("
                            + e.getMessage() + "); set DJL_CACHE_DIR to a writable directory", e);
                }
                loaded = true;
            }
        }
    }

    /**
     * DJL extracts its native library under {@code ~/.djl.ai}; executors often run with a read-only or
     * missing home, so fall back to the temp directory unless the user chose a location.
     */
    private static void chooseCacheDir() {
        if (System.getProperty(CACHE_DIR) != null || System.getenv(CACHE_DIR) != null) {
            return;
        }
        Path home = Path.of(System.getProperty("user.home", ""), ".djl.ai");
        if (Files.isWritable(home) || (!Files.exists(home) && Files.isWritable(home.getParent()))) {
            return;
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        System.setProperty(CACHE_DIR, System.getProperty("java.io.tmpdir") + File.separator + "djl-" + user);
    }
}
