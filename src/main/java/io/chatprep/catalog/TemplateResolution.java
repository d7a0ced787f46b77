package io.chatprep.catalog;

/**
 * The template chosen for a run and why.
 *
 * @param family the bundled family; for an explicit template the family it is a copy of, if any; null for a
 *               tokenizer template with markers
 */
public record TemplateResolution(String source, Origin origin, TemplateFamily family, String explanation) {

    /** Where the template came from, in the order they are tried. */
    public enum Origin {
        /** A template file the user named. */
        EXPLICIT,
        /** The tokenizer's own template, which already carries generation markers. */
        TOKENIZER_MARKED,
        /** The bundled training template of the family whose original equals the tokenizer's template. */
        CATALOG_EXACT,
        /** The same, matched through a known older or newer vendor revision of the original. */
        CATALOG_REVISION,
        /** A template of a family's generic shape (ChatML) that renders exactly like its original on the corpus. */
        CATALOG_EQUIVALENT,
        /** A template without markers (explicit or the tokenizer's), masked by prefix rendering (--derive-masks). */
        DERIVED
    }

    /** Assistant spans must come from prefix rendering rather than generation markers. */
    public boolean derivesMasks() {
        return origin == Origin.DERIVED;
    }

    /** True when chatprep did not write the template and it must be verified before use. */
    public boolean needsVerification() {
        return origin == Origin.EXPLICIT || origin == Origin.TOKENIZER_MARKED || origin == Origin.DERIVED;
    }
}
