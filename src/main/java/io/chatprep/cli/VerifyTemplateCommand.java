package io.chatprep.cli;

import io.chatprep.catalog.GenerationMarkers;
import io.chatprep.catalog.TemplateCatalog;
import io.chatprep.catalog.TemplateResolution;
import io.chatprep.catalog.TemplateResolutionException;
import io.chatprep.catalog.TemplateResolver;
import io.chatprep.template.ChatTemplate;
import io.chatprep.template.TemplateException;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.TokenizerConfig;
import io.chatprep.tokenize.TokenizerFiles;
import io.chatprep.encode.TokenizerLoad;
import io.chatprep.verify.Check;
import io.chatprep.corpus.Conversation;
import io.chatprep.corpus.ConversationCorpus;
import io.chatprep.verify.DeriveMasksCoverage;
import io.chatprep.verify.TemplateVerifier;
import io.chatprep.verify.VerificationPlan;
import io.chatprep.verify.VerificationReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code chatprep verify-template --tokenizer DIR [--chat-template FILE|NAME|auto] [--conversations FILE]
 * [--derive-masks] [--show N]}: renders the bundled corpus (plus the user's conversations) with the template that
 * would be used for training and reports rules (a)–(e). Exit code 0 only when every rule holds.
 */
public final class VerifyTemplateCommand implements Command, FlagOptions {
    @Override
    public String name() {
        return "verify-template";
    }

    @Override
    public String summary() {
        return "Check a training template against the original and the mask rules";
    }

    @Override
    public String usage() {
        return "usage: chatprep verify-template --tokenizer DIR [--chat-template FILE|NAME|auto] [--conversations FILE.jsonl]\n"
                + "       [--derive-masks] [--show N]";
    }

    @Override
    public Set<String> flags() {
        return Set.of("derive-masks");
    }

    @Override
    public int run(Args args) throws IOException {
        args.rejectUnknown(Set.of("tokenizer", "chat-template", "conversations", "derive-masks", "show"));
        Path tokenizerDir = Path.of(args.require("tokenizer"));
        String choice = args.get("chat-template", "auto");
        int show = parseShow(args.get("show", "5"));

        List<Conversation> corpus = new ArrayList<>(ConversationCorpus.bundled());
        int bundled = corpus.size();
        if (args.get("conversations") != null) {
            Path file = Path.of(args.get("conversations"));
            if (!Files.isRegularFile(file)) {
                throw new UsageException("--conversations " + file + ": no such file");
            }
            corpus.addAll(ConversationCorpus.fromFile(file));
        }

        TokenizerFiles files = TokenizerFiles.fromDirectory(tokenizerDir);
        TemplateResolver resolver = TemplateResolver.forTokenizer(TemplateCatalog.bundled(), files);
        boolean named = TemplateResolver.namesTokenizerTemplate(files, choice);
        String own = named ? TemplateResolver.namedTemplate(files, choice) : TemplateResolver.tokenizerTemplate(files);
        String explicit = choice.equals("auto") || named ? null : readFile("--chat-template", Path.of(choice));
        TemplateResolution resolution;
        try {
            resolution = resolver.resolve(explicit, choice, own, args.flag("derive-masks"));
        } catch (TemplateResolutionException e) {
            System.out.println("FAIL: no template to verify: " + e.getMessage());
            return 1;
        }
        try {
            ChatTemplate.compile(resolution.source(), EncoderSetup.templateName(choice, files));
        } catch (TemplateException e) {
            System.out.println("FAIL: " + e.getMessage());
            return 1;
        }
        Map<String, String> specials = TokenizerConfig.of(files).specialTokens();
        VerificationPlan plan = VerificationPlan.of(resolution, own, specials, resolver);

        VerificationReport report;
        try (HfTokenizer tokenizer = TokenizerLoad.load(files)) {
            report = new TemplateVerifier(plan.subject(), specials, tokenizer).verify(corpus);
        }
        System.out.println("template:      " + resolution.explanation());
        System.out.println("family rules:  " + (plan.family() == null ? "none (generic: end of turn = eos_token "
                + plan.subject().endOfTurn() + ")" : plan.family().name() + " (" + plan.family().displayName() + ")"));
        System.out.println("text compared: " + (plan.referenceName() == null ? "no unmarked original known; rule (a) not applicable"
                : "with " + plan.referenceName()));
        System.out.printf("corpus:        %d conversations (%d bundled, %d yours), %d renderings, %d raise in both, "
                        + "%d deviate as documented, %d token-checked%n%n", report.conversations(), bundled,
                report.conversations() - bundled, report.renderings(), report.bothRaise(), report.deviating(),
                report.tokenChecked());
        TextTable table = new TextTable("check", "result", "rule", "first offending conversation");
        for (Check c : Check.values()) {
            List<VerificationReport.Failure> failures = report.failures(c);
            boolean applicable = c != Check.TEXT || plan.subject().originalSource() != null;
            String result = !applicable ? "n/a" : failures.isEmpty() ? "pass" : "FAIL (" + failures.size() + ")";
            table.row("(" + c.letter() + ") " + c.name().toLowerCase(java.util.Locale.ROOT), result, c.description(),
                    failures.isEmpty() ? "" : failures.get(0).where());
        }
        table.print(System.out);
        if (!GenerationMarkers.present(resolution.source())) {
            // Without markers nothing is trained unless spans are derived: say whether that would work.
            DeriveMasksCoverage coverage = DeriveMasksCoverage.of(resolution.source(), specials, corpus,
                    plan.subject().textContentAsParts());
            System.out.println();
            System.out.println("derive-masks:  " + coverage.summary());
        }
        for (Check c : Check.values()) {
            List<VerificationReport.Failure> failures = report.failures(c);
            if (failures.isEmpty()) {
                continue;
            }
            System.out.println();
            System.out.println("(" + c.letter() + ") " + c.name().toLowerCase(java.util.Locale.ROOT) + " failures:");
            failures.stream().limit(show).forEach(f -> System.out.println("  " + f.where() + ": " + f.detail()));
            if (failures.size() > show) {
                System.out.println("  ... " + (failures.size() - show) + " more (--show N)");
            }
        }
        System.out.println();
        System.out.println(report.passed() ? "PASS: every check holds" : "FAIL: the template is not safe for training as is");
        return report.passed() ? 0 : 1;
    }

    private static int parseShow(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--show " + text + ": expected a number of failures to print per check (0 or more)");
    }

    private static String readFile(String option, Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(option + " " + path + ": cannot read the file (" + e.getMessage() + ")");
        }
    }
}
