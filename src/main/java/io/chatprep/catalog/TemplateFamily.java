package io.chatprep.catalog;

import java.util.List;

/**
 * One model family's bundled training template and what is known about it.
 *
 * @param originalSource  the vendor's template, byte for byte (the identity reference)
 * @param trainingSource  the same template with {@code {% generation %}} markers
 * @param endOfTurnInNextMessage the format closes a turn with the next message's role token
 * @param textContentAsParts the template reads only list content: string contents are given as one text part
 * @param closingText     text the original appends after the last message whatever the generation prompt (not
 *                        part of any turn, never trained); empty when there is none
 * @param generationPromptContinuesLastMessage the original, asked for a generation prompt after a final assistant
 *                        message, continues that message instead of opening a turn (no training rendering)
 * @param revisionSources other vendor revisions of the original that select this family too
 * @param revisionFiles   their file names under {@code templates/}, in the same order
 * @param shape           texts every template of this family's general form holds (e.g. ChatML's role tokens): a
 *                        tokenizer template holding them all that renders exactly like the original on the
 *                        verification corpus selects this family; empty when only known texts select it
 */
public record TemplateFamily(
        String name,
        String displayName,
        List<String> sourceModels,
        String originalSource,
        String trainingSource,
        Support supports,
        List<String> endOfTurn,
        String maskCovers,
        String deviations,
        boolean prefixPreserving,
        boolean endOfTurnInNextMessage,
        boolean textContentAsParts,
        boolean generationPromptContinuesLastMessage,
        String closingText,
        List<String> revisionSources,
        List<String> revisionFiles,
        List<String> shape) {

    /** What the template can render. */
    public record Support(boolean tools, boolean reasoning, boolean multimodalText, boolean system) {
    }

    /** Every vendor text that identifies this family: the original first, then known revisions. */
    public List<String> knownOriginals() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        all.add(originalSource);
        all.addAll(revisionSources);
        return all;
    }
}
