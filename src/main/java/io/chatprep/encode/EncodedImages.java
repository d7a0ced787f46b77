package io.chatprep.encode;

import java.util.List;

/**
 * A row's images after encoding: their locations (as the output's {@code images} column gives them), the
 * processor's grids ({@code image_grid_thw}, null for families without one), and which tokens each image's
 * expansion covers ({@code [start, end)} per image, for truncation). Empty for a row without images.
 */
public record EncodedImages(List<String> locations, int[][] grids, int[] tokenRanges) {
    public int count() {
        return locations.size();
    }
}
