package io.chatprep.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * The raw files of a HuggingFace tokenizer, held as bytes so they can be broadcast to Spark executors
 * and hashed for the run manifest. {@code tokenizer.json} is required; the others may be null.
 */
public final class TokenizerFiles implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TOKENIZER_JSON = "tokenizer.json";
    public static final String TOKENIZER_CONFIG_JSON = "tokenizer_config.json";
    public static final String SPECIAL_TOKENS_MAP_JSON = "special_tokens_map.json";
    public static final String CHAT_TEMPLATE_JINJA = "chat_template.jinja";

    private final byte[] tokenizerJson;
    private final byte[] tokenizerConfigJson;
    private final byte[] specialTokensMapJson;
    private final String chatTemplateJinja;
    private final String origin;
    private transient volatile String sha256;
    private transient volatile byte[] loadedTokenizerJson;

    public TokenizerFiles(byte[] tokenizerJson, byte[] tokenizerConfigJson, byte[] specialTokensMapJson,
                          String chatTemplateJinja) {
        this(tokenizerJson, tokenizerConfigJson, specialTokensMapJson, chatTemplateJinja, "tokenizer");
    }

    /** @param origin where the files came from (a directory), used only to name them in error messages */
    public TokenizerFiles(byte[] tokenizerJson, byte[] tokenizerConfigJson, byte[] specialTokensMapJson,
                          String chatTemplateJinja, String origin) {
        if (tokenizerJson == null || tokenizerJson.length == 0) {
            throw new TokenizerLoadException(origin + ": " + TOKENIZER_JSON + " is missing or empty");
        }
        this.tokenizerJson = tokenizerJson;
        this.tokenizerConfigJson = tokenizerConfigJson;
        this.specialTokensMapJson = specialTokensMapJson;
        this.chatTemplateJinja = chatTemplateJinja;
        this.origin = origin == null ? "tokenizer" : origin;
    }

    /**
     * Reads a tokenizer directory. Each file may also be stored gzip-compressed with a {@code .gz} suffix
     * (the plain file wins when both exist). Fails with the directory and file named when
     * {@code tokenizer.json} is absent or a file cannot be read.
     */
    public static TokenizerFiles fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TokenizerLoadException(dir + ": not a tokenizer directory (it does not exist or is not a directory)");
        }
        byte[] tokenizer = readOptional(dir, TOKENIZER_JSON);
        if (tokenizer == null) {
            throw new TokenizerLoadException(dir + ": no " + TOKENIZER_JSON + " (or " + TOKENIZER_JSON + ".gz) in this directory");
        }
        byte[] config = readOptional(dir, TOKENIZER_CONFIG_JSON);
        byte[] specialMap = readOptional(dir, SPECIAL_TOKENS_MAP_JSON);
        byte[] jinja = readOptional(dir, CHAT_TEMPLATE_JINJA);
        return new TokenizerFiles(tokenizer, config, specialMap,
                jinja == null ? null : new String(jinja, StandardCharsets.UTF_8), dir.toString());
    }

    private static byte[] readOptional(Path dir, String name) {
        Path plain = dir.resolve(name);
        Path gz = dir.resolve(name + ".gz");
        try {
            if (Files.isRegularFile(plain)) {
                return Files.readAllBytes(plain);
            }
            if (Files.isRegularFile(gz)) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(gz)))) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new TokenizerLoadException(gz + ": not a valid gzip file (" + e.getMessage() + ")", e);
                }
            }
            return null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new TokenizerLoadException(plain + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** tokenizer.json byte for byte as read (the run manifest hashes this). */
    public byte[] tokenizerJson() {
        return tokenizerJson;
    }

    /**
     * tokenizer.json as transformers loads it: with the added tokens that only tokenizer_config.json declares
     * ({@link ConfigAddedTokens}) and the pipeline the config's tokenizer class builds ({@link ClassPipeline}); the
     * file itself when neither changes anything. What every tokenizer is built from.
     */
    public byte[] loadedTokenizerJson() {
        byte[] loaded = loadedTokenizerJson;
        if (loaded == null) {
            loaded = ConfigAddedTokens.apply(tokenizerJson, tokenizerConfigJson, specialTokensMapJson, origin);
            loaded = ClassPipeline.apply(loaded, configTree());
            loadedTokenizerJson = loaded;
        }
        return loaded;
    }

    /** tokenizer_config.json as a tree, or null when absent or not JSON (TokenizerConfig reports that). */
    private JsonNode configTree() {
        if (tokenizerConfigJson == null) {
            return null;
        }
        try {
            return new ObjectMapper().readTree(tokenizerConfigJson);
        } catch (IOException e) {
            return null;
        }
    }

    public byte[] tokenizerConfigJson() {
        return tokenizerConfigJson;
    }

    public byte[] specialTokensMapJson() {
        return specialTokensMapJson;
    }

    public String chatTemplateJinja() {
        return chatTemplateJinja;
    }

    /** Where the files were read from, for messages. */
    public String origin() {
        return origin;
    }

    /**
     * SHA-256 over every file, each preceded by its name and length so that moving bytes between files
     * changes the hash. Identifies the exact tokenizer in a run manifest.
     */
    public String sha256() {
        String hash = sha256;
        if (hash == null) {
            hash = computeSha256();
            sha256 = hash;
        }
        return hash;
    }

    /** Same files, byte for byte (where they were read from does not matter): the key of an encoder cache. */
    @Override
    public boolean equals(Object other) {
        return other == this || (other instanceof TokenizerFiles files && files.sha256().equals(sha256()));
    }

    @Override
    public int hashCode() {
        return Integer.parseUnsignedInt(sha256().substring(0, 8), 16);
    }

    private String computeSha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, TOKENIZER_JSON, tokenizerJson);
            update(digest, TOKENIZER_CONFIG_JSON, tokenizerConfigJson);
            update(digest, SPECIAL_TOKENS_MAP_JSON, specialTokensMapJson);
            update(digest, CHAT_TEMPLATE_JINJA,
                    chatTemplateJinja == null ? null : chatTemplateJinja.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static void update(MessageDigest digest, String name, byte[] content) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        long length = content == null ? -1 : content.length;
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (length >>> shift));
        }
        if (content != null) {
            digest.update(content);
        }
    }
}
