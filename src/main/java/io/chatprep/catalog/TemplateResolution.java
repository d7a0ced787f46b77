package io.chatprep.catalog;

/**
 * The template chosen for a run and why.
 *
 * @param family the bundled family, or null for a user's template or a tokenizer template with markers
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
        CATALOG_REVISION
    }

    /** True when chatprep did not write the template and it must be verified before use. */
    public boolean needsVerification() {
        return origin == Origin.EXPLICIT || origin == Origin.TOKENIZER_MARKED;
    }
}
