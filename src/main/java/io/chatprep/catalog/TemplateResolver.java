package io.chatprep.catalog;

import io.chatprep.tokenize.TokenizerConfig;
import io.chatprep.tokenize.TokenizerFiles;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Chooses the chat template for training: an explicit file first, then the tokenizer's own template if it
 * already has generation markers, then the bundled training template of the family whose vendor template
 * matches the tokenizer's (exactly, then through a known revision, then, for a family of a generic shape such as
 * ChatML, by rendering exactly like its original on the verification corpus), and otherwise fails naming the
 * closest family, because silently training on an unmarked template yields empty masks.
 */
public final class TemplateResolver {
    /** Special tokens to render with when the tokenizer's are unknown: a template printing one differs visibly. */
    private static final Map<String, String> PLACEHOLDER_TOKENS = Map.of("bos_token", "<bos_token>",
            "eos_token", "<eos_token>", "unk_token", "<unk_token>", "pad_token", "<pad_token>");

    private final TemplateCatalog catalog;
    private final Map<String, ?> specialTokens;
    private final Supplier<Set<String>> addedTokens;

    public TemplateResolver(TemplateCatalog catalog) {
        this(catalog, PLACEHOLDER_TOKENS, Set::of);
    }

    private TemplateResolver(TemplateCatalog catalog, Map<String, ?> specialTokens, Supplier<Set<String>> addedTokens) {
        this.catalog = catalog;
        this.specialTokens = specialTokens;
        this.addedTokens = addedTokens;
    }

    /**
     * A resolver that knows the tokenizer: templates are compared by rendering with its special tokens, and a
     * tokenizer without a template is told which family its added tokens point to.
     */
    public static TemplateResolver forTokenizer(TemplateCatalog catalog, TokenizerFiles tokenizer) {
        // Read only for the refusal that names a family: tokenizer.json is large.
        return new TemplateResolver(catalog, TokenizerConfig.of(tokenizer).specialTokens(),
                () -> SpecialTokenHint.addedTokens(tokenizer));
    }

    /** Resolves against the tokenizer's own default template (tokenizer_config.json or chat_template.jinja). */
    public TemplateResolution resolve(String explicitSource, String explicitName, TokenizerFiles tokenizer) {
        return forTokenizer(catalog, tokenizer).resolve(explicitSource, explicitName, tokenizerTemplate(tokenizer));
    }

    /**
     * As {@link #resolve(String, String, String)}, but with {@code deriveMasks} a template without markers that no
     * bundled family replaces (an explicit one, or an unknown tokenizer template) is used as is, its assistant spans
     * derived by prefix rendering.
     */
    public TemplateResolution resolve(String explicitSource, String explicitName, String tokenizerSource,
                                      boolean deriveMasks) {
        if (deriveMasks && explicitSource != null && !GenerationMarkers.present(explicitSource)) {
            return new TemplateResolution(explicitSource, TemplateResolution.Origin.DERIVED, identify(explicitSource).orElse(null),
                    "explicit template " + explicitName + " has no generation markers; assistant spans derived by prefix rendering");
        }
        try {
            return resolve(explicitSource, explicitName, tokenizerSource);
        } catch (TemplateResolutionException e) {
            if (!deriveMasks || tokenizerSource == null || tokenizerSource.isBlank()) {
                throw e;
            }
            return new TemplateResolution(tokenizerSource, TemplateResolution.Origin.DERIVED, null,
                    "the tokenizer's own template matches no bundled family; assistant spans derived by prefix rendering");
        }
    }

    /** The tokenizer's own default chat template, or null when it has none. */
    public static String tokenizerTemplate(TokenizerFiles tokenizer) {
        return namedTemplate(tokenizer, TokenizerConfig.DEFAULT_TEMPLATE);
    }

    /**
     * One of the tokenizer's named chat templates (an entry of a {@code chat_template} list, such as Command R's
     * {@code tool_use} and {@code rag}; a single template is named {@code default}), or null.
     */
    public static String namedTemplate(TokenizerFiles tokenizer, String name) {
        return TokenizerConfig.of(tokenizer).chatTemplates().get(name);
    }

    /**
     * True when a {@code --chat-template} / {@code chat_template} value names one of the tokenizer's own templates
     * ({@code tool_use}, {@code rag}, ...) rather than a file: a bare name (no path separator, no extension) the
     * tokenizer's list holds.
     */
    public static boolean namesTokenizerTemplate(TokenizerFiles tokenizer, String choice) {
        return choice != null && !choice.equals("auto") && !choice.contains("/") && !choice.contains(".")
                && namedTemplate(tokenizer, choice) != null;
    }

    /** Why this template does not compile, or null when it does. */
    private static String compileError(String source) {
        try {
            io.chatprep.template.ChatTemplate.compile(source);
            return null;
        } catch (io.chatprep.template.TemplateException e) {
            return e.getMessage();
        }
    }

    /** The bundled family the tokenizer's own template resolves to, if any (never throws). */
    public Optional<TemplateFamily> familyOfTokenizer(String tokenizerSource) {
        if (tokenizerSource == null || tokenizerSource.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(resolve(null, null, tokenizerSource).family());
        } catch (TemplateResolutionException e) {
            return Optional.empty();
        }
    }

    /**
     * @param explicitSource   a template the user named, or null
     * @param explicitName     its file name, for messages
     * @param tokenizerSource  the tokenizer's own chat template, or null when it has none
     */
    public TemplateResolution resolve(String explicitSource, String explicitName, String tokenizerSource) {
        if (explicitSource != null) {
            Optional<TemplateFamily> family = identify(explicitSource);
            return new TemplateResolution(explicitSource, TemplateResolution.Origin.EXPLICIT, family.orElse(null),
                    "explicit template " + explicitName
                            + family.map(f -> " (matches bundled family " + f.name() + ")").orElse(""));
        }
        if (tokenizerSource == null || tokenizerSource.isBlank()) {
            throw new TemplateResolutionException(noTemplateMessage());
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
        for (TemplateFamily f : catalog.families()) {
            if (!f.shape().isEmpty() && f.shape().stream().allMatch(tokenizerSource::contains)
                    && RenderedEquivalence.rendersLike(tokenizerSource, f.originalSource(), specialTokens)) {
                return new TemplateResolution(f.trainingSource(), TemplateResolution.Origin.CATALOG_EQUIVALENT, f,
                        "tokenizer template renders exactly like the " + f.displayName() + " original on the "
                                + "verification corpus; using " + f.name() + "_training.jinja");
            }
        }
        String compileError = compileError(tokenizerSource);
        if (compileError != null) {
            // A template that cannot be read is no family's; saying which one it resembles would mislead.
            throw new TemplateResolutionException("the tokenizer's chat template does not compile (" + compileError
                    + "); pass a template file with --chat-template, e.g. the training template of its family from "
                    + "'chatprep templates'");
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

    private String noTemplateMessage() {
        String msg = "the tokenizer has no chat template (neither chat_template in tokenizer_config.json nor "
                + "chat_template.jinja); pass a template file with --chat-template";
        Optional<TemplateFamily> hint = SpecialTokenHint.familyFor(catalog, addedTokens.get());
        if (hint.isPresent()) {
            TemplateFamily f = hint.get();
            return msg + ". Its special tokens are those of the bundled family " + f.name() + " (" + f.displayName()
                    + "): --chat-template templates/" + f.name() + "_training.jinja if that is the model's format";
        }
        return msg + ", e.g. one of: " + familyNames();
    }

    private String familyNames() {
        return String.join(", ", catalog.families().stream().map(TemplateFamily::name).toList());
    }
}
