package io.chatprep.catalog;

import java.util.Comparator;
import java.util.Optional;

/**
 * Chooses the chat template for training: an explicit file first, then the tokenizer's own template if it
 * already has generation markers, then the bundled training template of the family whose vendor template
 * matches the tokenizer's (exactly, then through a known revision), and otherwise fails naming the closest
 * family, because silently training on an unmarked template yields empty masks.
 */
public final class TemplateResolver {
    private final TemplateCatalog catalog;

    public TemplateResolver(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param explicitSource   a template the user named, or null
     * @param explicitName     its file name, for messages
     * @param tokenizerSource  the tokenizer's own chat template, or null when it has none
     */
    public TemplateResolution resolve(String explicitSource, String explicitName, String tokenizerSource) {
        if (explicitSource != null) {
            Optional<TemplateFamily> family = identify(explicitSource);
            return new TemplateResolution(explicitSource, TemplateResolution.Origin.EXPLICIT, null,
                    "explicit template " + explicitName
                            + family.map(f -> " (matches bundled family " + f.name() + ")").orElse(""));
        }
        if (tokenizerSource == null || tokenizerSource.isBlank()) {
            throw new TemplateResolutionException("the tokenizer has no chat template (neither chat_template in "
                    + "tokenizer_config.json nor chat_template.jinja); pass a template file with --chat-template, "
                    + "e.g. one of: " + familyNames());
        }
        if (GenerationMarkers.present(tokenizerSource)) {
            return new TemplateResolution(tokenizerSource, TemplateResolution.Origin.TOKENIZER_MARKED, null,
                    "the tokenizer's own template already has generation markers");
        }
        for (TemplateFamily f : catalog.families()) {
            if (f.originalSource().equals(tokenizerSource)) {
                return new TemplateResolution(f.trainingSource(), TemplateResolution.Origin.CATALOG_EXACT, f,
                        "tokenizer template is the " + f.displayName() + " original; using " + f.name() + "_training.jinja");
            }
        }
        String normalized = TemplateSimilarity.normalize(tokenizerSource);
        for (TemplateFamily f : catalog.families()) {
            for (String known : f.knownOriginals()) {
                if (known.equals(tokenizerSource) || TemplateSimilarity.normalize(known).equals(normalized)) {
                    return new TemplateResolution(f.trainingSource(), TemplateResolution.Origin.CATALOG_REVISION, f,
                            "tokenizer template is a known revision of " + f.displayName() + "; using "
                                    + f.name() + "_training.jinja");
                }
            }
        }
        throw new TemplateResolutionException(unknownTemplateMessage(tokenizerSource));
    }

    /** The family whose vendor template (or a known revision) is this exact text, if any. */
    public Optional<TemplateFamily> identify(String source) {
        String normalized = TemplateSimilarity.normalize(source);
        return catalog.families().stream()
                .filter(f -> f.trainingSource().equals(source)
                        || f.knownOriginals().stream().anyMatch(k -> TemplateSimilarity.normalize(k).equals(normalized)))
                .findFirst();
    }

    /** The most similar bundled family, for error messages and hints. */
    public Optional<TemplateFamily> closest(String source) {
        return catalog.families().stream()
                .max(Comparator.comparingDouble(f -> f.knownOriginals().stream()
                        .mapToDouble(k -> TemplateSimilarity.score(source, k)).max().orElse(0)));
    }

    private String unknownTemplateMessage(String tokenizerSource) {
        StringBuilder msg = new StringBuilder("the tokenizer's chat template matches no bundled family and has no "
                + "{% generation %} markers, so assistant masks would be empty.");
        closest(tokenizerSource).ifPresent(f -> msg.append(" Closest family: ").append(f.name())
                .append(" (").append(f.displayName()).append(").")
                .append(" Options: --chat-template templates/").append(f.name())
                .append("_training.jinja if that model's format is right;"));
        msg.append(" --chat-template FILE with your own template carrying generation markers (check it with "
                + "'chatprep verify-template'); or --derive-masks to derive assistant spans by prefix rendering.");
        return msg.toString();
    }

    private String familyNames() {
        return String.join(", ", catalog.families().stream().map(TemplateFamily::name).toList());
    }
}
