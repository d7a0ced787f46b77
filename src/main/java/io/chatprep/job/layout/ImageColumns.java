package io.chatprep.job.layout;

/**
 * The image columns of a run's data files: none for text rows; {@code images} (the rows' image locations, in
 * order) with an image processor; and {@code image_grid_thw} as well for processors that report a grid (Qwen).
 */
public enum ImageColumns {
    NONE,
    IMAGES,
    IMAGES_AND_GRIDS;

    public boolean images() {
        return this != NONE;
    }

    public boolean grids() {
        return this == IMAGES_AND_GRIDS;
    }
}
