package io.chatprep.verify;

import io.chatprep.catalog.GenerationMarkers;
import io.chatprep.catalog.TemplateFamily;
import io.chatprep.catalog.TemplateResolution;
import io.chatprep.catalog.TemplateResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which rules a chosen template is held to: a bundled family's metadata and vendor original when the template is
 * (a copy of) one, or the family the tokenizer's own template belongs to; otherwise the tokenizer's own unmarked
 * template as the text reference and its eos token as the end of turn.
 *
 * @param referenceName what the text is compared with, for the report
 */
public record VerificationPlan(VerifySubject subject, TemplateFamily family, String referenceName) {

    public static VerificationPlan of(TemplateResolution resolution, String tokenizerTemplate,
                                      Map<String, ?> specialTokens, TemplateResolver resolver) {
        TemplateFamily family = resolution.family();
        if (family == null && resolution.origin() == TemplateResolution.Origin.EXPLICIT) {
            family = resolver.familyOfTokenizer(tokenizerTemplate).orElse(null);
        }
        VerifySubject subject;
        String reference;
        if (resolution.derivesMasks()) {
            // The template is its own reference: spans come from its renderings, not from markers.
            subject = family != null
                    ? VerifySubject.of(family, resolution.source(), resolution.source())
                    : generic(resolution.source(), resolution.source(), specialTokens);
            return new VerificationPlan(subject.derivingSpans(), family, "itself (spans derived by prefix rendering)");
        }
        if (family != null) {
            subject = VerifySubject.of(family, resolution.source(), family.originalSource());
            reference = "originals/" + family.name() + ".jinja";
        } else if (tokenizerTemplate != null && !GenerationMarkers.present(tokenizerTemplate)
                && !tokenizerTemplate.equals(resolution.source())) {
            subject = generic(resolution.source(), tokenizerTemplate, specialTokens);
            reference = "the tokenizer's own chat template";
        } else {
            subject = generic(resolution.source(), null, specialTokens);
            reference = null;
        }
        return new VerificationPlan(subject, family, reference);
    }

    private static VerifySubject generic(String source, String original, Map<String, ?> specialTokens) {
        List<String> eot = new ArrayList<>();
        if (specialTokens.get("eos_token") instanceof String eos && !eos.isEmpty()) {
            eot.add(eos);
        }
        return new VerifySubject(source, original, false, true, false, eot, false, false, false, false, "");
    }
}
