package io.chatprep.vision;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headers read as PIL reads them: every image of the vision goldens against what PIL reported (images.json). */
class ImageHeadersTest {
    @Test
    void everyCommittedImageReadsAsPilOpensIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (JsonNode expected : VisionFixtures.images().get("images")) {
            Path file = VisionFixtures.GOLDEN.resolve(expected.get("file").asText());
            wrong.addAll(compare(expected, Files.readAllBytes(file)));
            checked++;
        }
        assertTrue(checked >= 45, "images checked: " + checked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void largeGeneratedJpegsReadAsPilOpensThem() {
        List<String> wrong = new ArrayList<>();
        for (JsonNode expected : VisionFixtures.images().get("generated")) {
            wrong.addAll(compare(expected, VisionFixtures.generated(expected)));
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void readsOnlyWhatTheHeaderNeeds() throws Exception {
        // A 10,000 x 10,000 PNG read through a source that counts bytes: the chunk headers, not the pixel data.
        byte[] png = Files.readAllBytes(VisionFixtures.GOLDEN.resolve("images/png_10000x10000.png"));
        long[] read = {0};
        ByteSource counting = (position, buffer, offset, length) -> {
            int n = ByteSource.of(png).read(position, buffer, offset, length);
            read[0] += Math.max(n, 0);
            return n;
        };
        ImageHeader header = ImageHeaders.read(counting);
        assertEquals(10000, header.loadedWidth());
        byte[] jpeg = VisionFixtures.jpegBytes(8000, 6000, 6);
        read[0] = 0;
        ByteSource jpegCounting = (position, buffer, offset, length) -> {
            int n = ByteSource.of(jpeg).read(position, buffer, offset, Math.min(length, 4096));
            read[0] += Math.max(n, 0);
            return n;
        };
        assertEquals(new ImageHeader("JPEG", 8000, 6000, 6), ImageHeaders.read(jpegCounting));
        assertTrue(read[0] <= 16 * 1024 + 4096, "bytes read for a " + jpeg.length + "-byte JPEG: " + read[0]);
    }

    @Test
    void emptyAndUnknownFilesAreRefusedWithAReason() {
        ImageException empty = assertThrows(ImageException.class,
                () -> ImageHeaders.read(ByteSource.of(new byte[0])));
        assertEquals("the file is empty", empty.getMessage());
        ImageException text = assertThrows(ImageException.class,
                () -> ImageHeaders.read(ByteSource.of("P6\n3 2\n255\n".getBytes())));
        assertTrue(text.getMessage().contains("PNG, JPEG, GIF, WebP, BMP, TIFF"), text.getMessage());
        byte[] jpeg = VisionFixtures.jpegBytes(640, 480, null);
        ImageException cut = assertThrows(ImageException.class,
                () -> ImageHeaders.read(ByteSource.of(java.util.Arrays.copyOf(jpeg, 100))));
        assertEquals("the file ends inside its header", cut.getMessage());
    }

    private static List<String> compare(JsonNode expected, byte[] bytes) {
        String file = expected.get("file").asText();
        try {
            ImageHeader header = ImageHeaders.read(ByteSource.of(bytes));
            if (expected.has("error")) {
                return List.of(file + ": PIL fails (" + expected.get("error").asText() + ") but read " + header);
            }
            String want = expected.get("format").asText() + " " + expected.get("loaded_size").get(0).asInt() + "x"
                    + expected.get("loaded_size").get(1).asInt() + " orientation " + expected.get("orientation").asInt();
            String got = header.format() + " " + header.loadedWidth() + "x" + header.loadedHeight() + " orientation "
                    + header.orientation();
            return want.equals(got) ? List.of() : List.of(file + ": expected " + want + ", read " + got);
        } catch (ImageException | IOException e) {
            return expected.has("error") ? List.of() : List.of(file + ": PIL reads it, chatprep failed: " + e.getMessage());
        }
    }
}
