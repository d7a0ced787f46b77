package io.chatprep.verify;

import io.chatprep.catalog.TemplateCatalog;
import io.chatprep.catalog.TemplateResolution;
import io.chatprep.catalog.TemplateResolver;
import io.chatprep.corpus.ConversationCorpus;
import io.chatprep.tokenize.TokenizerConfig;
import io.chatprep.tokenize.TokenizerFiles;

import java.util.List;
import java.util.Optional;

/**
 * A tokenizer's own template that already carries generation markers is used only after it passes the text-level
 * rules on the bundled corpus: nobody at chatprep wrote it, and a marker around a role header or before the
 * end-of-turn token silently trains the wrong tokens. Token-level rules are left to {@code verify-template}.
 */
public final class MarkedTemplateGate {
    private MarkedTemplateGate() {
    }

    /** Why the chosen template must not be used, or empty when it may (or is not the tokenizer's marked one). */
    public static Optional<String> problem(TemplateResolution resolution, TokenizerFiles files) {
        if (resolution.origin() != TemplateResolution.Origin.TOKENIZER_MARKED) {
            return Optional.empty();
        }
        TokenizerConfig config = TokenizerConfig.of(files);
        VerificationPlan plan = VerificationPlan.of(resolution, TemplateResolver.tokenizerTemplate(files),
                config.specialTokens(), TemplateResolver.forTokenizer(TemplateCatalog.bundled(), files));
        VerificationReport report = new TemplateVerifier(plan.subject(), config.specialTokens(), null)
                .verify(ConversationCorpus.bundled());
        if (report.passed()) {
            return Optional.empty();
        }
        List<VerificationReport.Failure> failures = report.allFailures();
        VerificationReport.Failure first = failures.get(0);
        return Optional.of("the tokenizer's own chat template has generation markers but fails check ("
                + first.check().letter() + ") " + first.check().name().toLowerCase(java.util.Locale.ROOT) + " on "
                + first.where() + ": " + first.detail() + " (" + failures.size() + " failure(s) in all; run "
                + "'chatprep verify-template --tokenizer " + files.origin() + "' for the report, or pass --chat-template)");
    }
}
