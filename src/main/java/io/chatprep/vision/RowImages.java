package io.chatprep.vision;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A row's images, located, their headers read, and their tokens counted by the processor. Any image that cannot be
 * used fails the row with the reference named.
 */
public final class RowImages {
    private RowImages() {
    }

    /** One image of a row: where it is (as written to the output), its header and its tokens. */
    public record Image(String location, ImageHeader header, ImageTokens tokens) {
    }

    public static List<Image> load(List<VisionMessages.ImageRef> refs, String base, ImageStore store,
                                   ImageProcessor processor) throws ImageException {
        List<Image> images = new ArrayList<>(refs.size());
        for (VisionMessages.ImageRef ref : refs) {
            String location = ref.base64() || ImageLocations.isData(ref.value()) ? ref.value()
                    : ImageLocations.resolve(base, ref.value());
            ImageHeader header;
            try (ByteSource source = open(ref, location, store)) {
                header = ImageHeaders.read(source);
            } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
                throw new ImageException("image " + name(ref) + " not found" + where(ref, location));
            } catch (IOException e) {
                throw new ImageException("image " + name(ref) + " cannot be read" + where(ref, location) + ": "
                        + e.getMessage(), e);
            } catch (ImageException e) {
                throw new ImageException("image " + name(ref) + where(ref, location) + ": " + e.getMessage(), e);
            }
            ImageTokens tokens;
            try {
                tokens = processor.expand(header);
            } catch (ImageException e) {
                throw new ImageException("image " + name(ref) + " (" + header.loadedWidth() + "x" + header.loadedHeight()
                        + "): " + e.getMessage(), e);
            }
            images.add(new Image(location, header, tokens));
        }
        return images;
    }

    private static ByteSource open(VisionMessages.ImageRef ref, String location, ImageStore store)
            throws IOException, ImageException {
        if (ref.base64() || ImageLocations.isData(location)) {
            String data = location;
            if (data.startsWith("data:")) {
                int comma = data.indexOf(',');
                if (comma < 0 || !data.substring(0, comma).endsWith(";base64")) {
                    throw new ImageException("image " + name(ref) + " is a data URI without base64 content");
                }
                data = data.substring(comma + 1);
            }
            try {
                return ByteSource.of(Base64.getMimeDecoder().decode(data));
            } catch (IllegalArgumentException e) {
                throw new ImageException("image " + name(ref) + " is not valid base64 (" + e.getMessage() + ")");
            }
        }
        return store.open(location);
    }

    /** The reference as the row wrote it, shortened for embedded data. */
    private static String name(VisionMessages.ImageRef ref) {
        String v = ref.value();
        return "'" + (v.length() > 80 ? v.substring(0, 60) + "...(" + v.length() + " characters)" : v) + "'";
    }

    private static String where(VisionMessages.ImageRef ref, String location) {
        return location.equals(ref.value()) || ref.base64() || ImageLocations.isData(location) ? "" : " (at " + location + ")";
    }
}
