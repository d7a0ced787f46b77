package io.chatprep.verify;

import io.chatprep.catalog.TemplateFamily;
import io.chatprep.mask.DerivedSpans;

import java.util.List;

/**
 * What is verified and what it is held to.
 *
 * @param originalSource         the unmarked template the text must equal, or null when none is known
 * @param asGeneratedDeviations  the text may differ from the original only in the documented "as generated" way
 * @param prefixPreserving       rule (d) applies
 * @param toolProbe              also run the fixed [user, assistant(tool_calls)] / + tool prefix probe
 * @param endOfTurnInNextMessage the format closes a turn with the next message's role token (GLM)
 * @param deriveSpans            assistant spans come from prefix rendering ({@link DerivedSpans}), not markers
 * @param textContentAsParts     string contents are rendered as one text part (templates reading only lists)
 * @param continuesLastMessage   a generation prompt after a final assistant message continues that message, as in
 *                               the original: those renderings are no training example and are not checked
 * @param closingText            what the template appends after the last message whatever the generation prompt
 *                               (may follow a turn's last span untrained); empty when nothing
 */
public record VerifySubject(String trainingSource, String originalSource, boolean asGeneratedDeviations,
                            boolean prefixPreserving, boolean toolProbe, List<String> endOfTurn,
                            boolean endOfTurnInNextMessage, boolean deriveSpans, boolean textContentAsParts,
                            boolean continuesLastMessage, String closingText) {

    /** The same subject with spans derived by prefix rendering. */
    public VerifySubject derivingSpans() {
        return new VerifySubject(trainingSource, originalSource, asGeneratedDeviations, prefixPreserving, toolProbe,
                endOfTurn, endOfTurnInNextMessage, true, textContentAsParts, continuesLastMessage, closingText);
    }

    /** A bundled family held to its own metadata, compared with its vendor original. */
    public static VerifySubject of(TemplateFamily family) {
        return of(family, family.trainingSource(), family.originalSource());
    }

    /** Another template of a known family (e.g. the user's edit), held to that family's rules. */
    public static VerifySubject of(TemplateFamily family, String trainingSource, String originalSource) {
        boolean deviations = !family.deviations().isBlank() && !family.deviations().strip().equalsIgnoreCase("none");
        return new VerifySubject(trainingSource, originalSource, deviations, family.prefixPreserving(),
                family.supports().tools() && family.prefixPreserving(), family.endOfTurn(),
                family.endOfTurnInNextMessage(), false, family.textContentAsParts(),
                family.generationPromptContinuesLastMessage(), family.closingText());
    }
}
