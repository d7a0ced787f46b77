package io.chatprep.vision;

/**
 * Gemma 3 without pan-and-scan: every image is resized to the processor's square and becomes
 * {@code image_seq_length} soft tokens; the processor replaces each {@code <start_of_image>} the template rendered
 * with {@code "\n\n" + boi + image_token * image_seq_length + eoi + "\n\n"}.
 */
final class Gemma3ImageProcessor implements ImageProcessor {
    private final String boi;
    private final String imageToken;
    private final int sequenceLength;
    private final String replacement;

    Gemma3ImageProcessor(String boi, String imageToken, String eoi, int sequenceLength) {
        this.boi = boi;
        this.imageToken = imageToken;
        this.sequenceLength = sequenceLength;
        this.replacement = "\n\n" + boi + imageToken.repeat(sequenceLength) + eoi + "\n\n";
    }

    @Override
    public String placeholder() {
        return boi;
    }

    @Override
    public String imageToken() {
        return imageToken;
    }

    @Override
    public ImageTokens expand(ImageHeader image) {
        return new ImageTokens(replacement, sequenceLength, null);
    }

    @Override
    public boolean hasGrid() {
        return false;
    }

    @Override
    public String description() {
        return "Gemma 3 (Gemma3Processor): " + sequenceLength + " " + imageToken + " per image, pan-and-scan off";
    }
}
