package io.chatprep.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The vision goldens of scripts/reference/make_vision_goldens.py: small committed images, large JPEGs rebuilt here
 * byte for byte from the script's recipe, and a directory laid out as the script laid it out for transformers.
 */
public final class VisionFixtures {
    public static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "vision");
    public static final Path PROCESSORS = Path.of("src", "test", "resources", "vision", "processors");

    private static final ObjectMapper JSON = new ObjectMapper();

    private VisionFixtures() {
    }

    /** The rows of {@code golden/vision/<config>.jsonl.gz}, in rows.jsonl's order. */
    public static List<JsonNode> goldens(String config) {
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(GOLDEN.resolve(config + ".jsonl.gz"))), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public static JsonNode images() {
        try {
            return JSON.readTree(GOLDEN.resolve("images.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The script's grey baseline JPEG: one component, zero coefficients, one-symbol Huffman tables, two bits per
     * 8x8 block; with an orientation, an APP1 Exif block of one big-endian IFD entry.
     */
    public static byte[] jpegBytes(int width, int height, Integer orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, 0xFF, 0xD8);
        if (orientation != null) {
            byte[] body = {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 0x2A, 0, 0, 0, 8, 0, 1,
                    0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte) (orientation >> 8), (byte) (int) orientation, 0, 0, 0, 0, 0, 0};
            write(out, 0xFF, 0xE1, (body.length + 2) >> 8, (body.length + 2) & 0xFF);
            out.writeBytes(body);
        }
        write(out, 0xFF, 0xDB, 0, 67, 0);
        for (int i = 0; i < 64; i++) {
            out.write(1);
        }
        write(out, 0xFF, 0xC0, 0, 11, 8, height >> 8, height & 0xFF, width >> 8, width & 0xFF, 1, 1, 0x11, 0);
        for (int table : new int[] {0x00, 0x10}) {
            write(out, 0xFF, 0xC4, 0, 20, table, 1);
            for (int i = 0; i < 15; i++) {
                out.write(0);
            }
            out.write(0);
        }
        write(out, 0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0);
        long bits = 2L * ((width + 7) / 8) * ((height + 7) / 8);
        out.writeBytes(new byte[(int) (bits / 8)]);
        if (bits % 8 != 0) {
            out.write((1 << (8 - bits % 8)) - 1);
        }
        write(out, 0xFF, 0xD9);
        return out.toByteArray();
    }

    /**
     * A directory laid out as the golden script laid it out: {@code images/} (the committed files),
     * {@code generated/} (the large JPEGs, checked against the recorded sha256) and {@code rows.jsonl}.
     */
    public static Path layout(Path dir) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        try (var files = Files.list(GOLDEN.resolve("images"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, images.resolve(f.getFileName().toString()));
            }
        }
        Path generated = Files.createDirectories(dir.resolve("generated"));
        for (JsonNode g : images().get("generated")) {
            byte[] bytes = generated(g);
            Files.write(generated.resolve(Path.of(g.get("file").asText()).getFileName().toString()), bytes);
        }
        Files.copy(GOLDEN.resolve("rows.jsonl"), dir.resolve("rows.jsonl"));
        return dir;
    }

    /** A generated JPEG of images.json, rebuilt and checked to be the very file transformers read. */
    public static byte[] generated(JsonNode g) {
        JsonNode recipe = g.get("recipe");
        Integer orientation = recipe.get("orientation").isNull() ? null : recipe.get("orientation").asInt();
        byte[] bytes = jpegBytes(recipe.get("width").asInt(), recipe.get("height").asInt(), orientation);
        String sha = sha256(bytes);
        if (!sha.equals(g.get("sha256").asText())) {
            throw new IllegalStateException(g.get("file").asText() + ": rebuilt bytes differ from the golden script's ("
                    + sha + ")");
        }
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }
}
