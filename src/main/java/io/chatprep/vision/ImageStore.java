package io.chatprep.vision;

import java.io.IOException;

/** Opens resolved image locations for their headers: local paths here, other schemes through a filesystem layer. */
@FunctionalInterface
public interface ImageStore {
    /**
     * @param location a local path, or a URI with a scheme ({@code s3a://...}, {@code hdfs://...}); never relative
     */
    ByteSource open(String location) throws IOException;

    /** Local paths and {@code file:} URIs only; any other scheme is refused (the job adds Hadoop's filesystems). */
    static ImageStore local() {
        return location -> {
            if (ImageLocations.hasScheme(location)) {
                throw new IOException("no filesystem for '" + ImageLocations.scheme(location) + ":' here (only local "
                        + "files; the Spark job reads any Hadoop filesystem)");
            }
            return ByteSource.of(java.nio.file.Path.of(location));
        };
    }
}
