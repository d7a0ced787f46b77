package io.chatprep.job.input;

import io.chatprep.vision.ByteSource;
import io.chatprep.vision.ImageHeader;
import io.chatprep.vision.ImageHeaders;
import io.chatprep.vision.VisionFixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Image headers through Hadoop's FileSystem (a URI with a scheme) and straight from a local path. */
class HadoopImageStoreTest {
    @Test
    void readsHeadersThroughAHadoopFileSystemAndLocally() throws Exception {
        Path jpeg = VisionFixtures.GOLDEN.resolve("images/jpg_330x220_exif6.jpg").toAbsolutePath();
        HadoopImageStore store = new HadoopImageStore();
        ImageHeader expected = new ImageHeader("JPEG", 330, 220, 6);
        try (ByteSource viaHadoop = store.open("file://" + jpeg)) {
            assertEquals(expected, ImageHeaders.read(viaHadoop));
        }
        try (ByteSource local = store.open(jpeg.toString())) {
            assertEquals(expected, ImageHeaders.read(local));
        }
    }
}
