package io.chatprep.job.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.job.config.ConfigException;
import io.chatprep.tokenize.TokenizerFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Reads a tokenizer directory through the Hadoop FileSystem API on the driver, so it may live on
 * s3a/gs/hdfs as well as locally; {@code tokenizer.json.gz} is accepted for {@code tokenizer.json}.
 */
public final class TokenizerSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TokenizerFiles files;
    private final String ownTemplate;

    private TokenizerSource(TokenizerFiles files, String ownTemplate) {
        this.files = files;
        this.ownTemplate = ownTemplate;
    }

    public static TokenizerSource read(String directory, Configuration conf) {
        Path dir = new Path(directory);
        try {
            FileSystem fs = dir.getFileSystem(conf);
            if (!fs.exists(dir)) {
                throw new ConfigException("'tokenizer' directory not found: " + directory);
            }
            byte[] tokenizerJson = readOptional(fs, new Path(dir, "tokenizer.json"));
            if (tokenizerJson == null) {
                tokenizerJson = readOptional(fs, new Path(dir, "tokenizer.json.gz"));
            }
            if (tokenizerJson == null) {
                throw new ConfigException("'tokenizer' " + directory + " holds no tokenizer.json (or tokenizer.json.gz)");
            }
            byte[] config = readOptional(fs, new Path(dir, "tokenizer_config.json"));
            byte[] specialTokens = readOptional(fs, new Path(dir, "special_tokens_map.json"));
            byte[] jinja = readOptional(fs, new Path(dir, "chat_template.jinja"));
            String jinjaText = jinja == null ? null : new String(jinja, StandardCharsets.UTF_8);
            String own = jinjaText != null ? jinjaText : templateFromConfig(config, directory);
            return new TokenizerSource(new TokenizerFiles(tokenizerJson, config, specialTokens, jinjaText, directory), own);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer " + directory + ": " + e.getMessage(), e);
        }
    }

    /** A whole small file (template, config) through the Hadoop API. */
    public static String readText(String file, Configuration conf, String key) {
        Path path = new Path(file);
        try {
            byte[] bytes = readOptional(path.getFileSystem(conf), path);
            if (bytes == null) {
                throw new ConfigException("'" + key + "' file not found: " + file);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readOptional(FileSystem fs, Path path) throws IOException {
        if (!fs.exists(path)) {
            return null;
        }
        try (InputStream raw = fs.open(path);
             InputStream in = path.getName().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** {@code chat_template} of tokenizer_config.json: a string, or a list of named templates ("default" wins). */
    private static String templateFromConfig(byte[] config, String directory) {
        if (config == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(config).path("chat_template");
        } catch (IOException e) {
            throw new ConfigException("tokenizer_config.json in " + directory + " is not valid JSON: " + e.getMessage());
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            for (JsonNode named : node) {
                if ("default".equals(named.path("name").asText())) {
                    return named.path("template").asText();
                }
            }
        }
        return null;
    }

    public TokenizerFiles files() {
        return files;
    }

    /** The tokenizer's own chat template, or null when it has none. */
    public String ownTemplate() {
        return ownTemplate;
    }
}
