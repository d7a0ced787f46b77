package io.chatprep.job.input;

import io.chatprep.job.config.ConfigException;
import io.chatprep.tokenize.TokenizerConfig;
import io.chatprep.tokenize.TokenizerFiles;
import io.chatprep.vision.ImageProcessor;
import io.chatprep.vision.ImageProcessorFiles;
import io.chatprep.vision.ImageProcessors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the {@code image_processor} directory through the Hadoop FileSystem API on the driver ({@code auto}: the
 * tokenizer's directory) and checks that its processor is one chatprep reproduces, before any Spark work.
 */
public final class ImageProcessorSource {
    private ImageProcessorSource() {
    }

    /** The configuration files, or null when {@code choice} is null; a problem is a ConfigException naming the key. */
    public static ImageProcessorFiles read(String choice, String tokenizerDir, TokenizerFiles tokenizer,
                                           Configuration conf) {
        if (choice == null) {
            return null;
        }
        String directory = choice.equals("auto") ? tokenizerDir : choice;
        Path dir = new Path(directory);
        ImageProcessorFiles files;
        try {
            FileSystem fs = dir.getFileSystem(conf);
            String preprocessor = readOptional(fs, new Path(dir, ImageProcessorFiles.PREPROCESSOR_CONFIG));
            String processor = readOptional(fs, new Path(dir, ImageProcessorFiles.PROCESSOR_CONFIG));
            if (preprocessor == null && processor == null) {
                throw new ConfigException("'image_processor' " + choice + ": " + directory + " holds no "
                        + ImageProcessorFiles.PREPROCESSOR_CONFIG + (choice.equals("auto")
                        ? " (auto looks in the tokenizer's directory); give the image processor's directory" : ""));
            }
            files = new ImageProcessorFiles(preprocessor, processor, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image processor " + directory + ": " + e.getMessage(), e);
        }
        try {
            ImageProcessors.create(files, TokenizerConfig.of(tokenizer).specialTokens());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("'image_processor' " + choice + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** The processor the files describe (already checked by {@link #read}). */
    public static ImageProcessor processor(ImageProcessorFiles files, TokenizerFiles tokenizer) {
        return ImageProcessors.create(files, TokenizerConfig.of(tokenizer).specialTokens());
    }

    private static String readOptional(FileSystem fs, Path path) throws IOException {
        if (!fs.exists(path)) {
            return null;
        }
        try (InputStream in = fs.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
