package io.chatprep.vision;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration files of a Hugging Face image processor, held as text so they can be broadcast: the image
 * processor's settings ({@code preprocessor_config.json}, or the {@code image_processor} object nested in
 * {@code processor_config.json}, which transformers prefers) and the processor's own ({@code processor_config.json}).
 */
public record ImageProcessorFiles(String preprocessorConfig, String processorConfig, String origin)
        implements Serializable {
    public static final String PREPROCESSOR_CONFIG = "preprocessor_config.json";
    public static final String PROCESSOR_CONFIG = "processor_config.json";

    /** Whether {@code dir} holds an image processor's configuration (for {@code auto}). */
    public static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(PREPROCESSOR_CONFIG)) || Files.isRegularFile(dir.resolve(PROCESSOR_CONFIG));
    }

    /** Reads {@code dir}; an error names the directory and what it lacks. */
    public static ImageProcessorFiles fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a directory (an image processor directory holds "
                    + PREPROCESSOR_CONFIG + ")");
        }
        String preprocessor = read(dir.resolve(PREPROCESSOR_CONFIG));
        String processor = read(dir.resolve(PROCESSOR_CONFIG));
        if (preprocessor == null && processor == null) {
            throw new IllegalArgumentException(dir + ": no " + PREPROCESSOR_CONFIG + " (or " + PROCESSOR_CONFIG
                    + ") in this directory");
        }
        return new ImageProcessorFiles(preprocessor, processor, dir.toString());
    }

    private static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
