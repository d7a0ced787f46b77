package io.chatprep.vision;

/**
 * The metadata PIL's {@code getexif()} consults for the orientation: an EXIF block and an XMP packet, each as the
 * format's reader stored it (later blocks replacing or extending earlier ones as PIL's plugins do).
 */
final class Orientation {
    byte[] exif;
    byte[] xmp;
    /** What to do when the EXIF block is not a TIFF structure: PIL swallows that for some JPEGs. */
    boolean badExifMeansNone;

    /** The orientation exif_transpose applies: EXIF's tag if it has one, else XMP's, else 1. */
    int resolve() throws ImageException {
        int found = ExifOrientation.ABSENT;
        if (exif != null) {
            try {
                found = ExifOrientation.fromExif(exif);
            } catch (ImageException e) {
                if (badExifMeansNone) {
                    return 1;
                }
                throw e;
            }
        }
        if (found == ExifOrientation.ABSENT) {
            found = ExifOrientation.fromXmp(xmp);
        }
        return ExifOrientation.effective(found);
    }
}
