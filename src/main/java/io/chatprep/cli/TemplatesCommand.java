package io.chatprep.cli;

import io.chatprep.catalog.TemplateCatalog;
import io.chatprep.catalog.TemplateFamily;
import io.chatprep.catalog.TemplateResolutionException;
import io.chatprep.catalog.TemplateResolver;
import io.chatprep.tokenize.TokenizerConfig;
import io.chatprep.tokenize.TokenizerFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code chatprep templates [--tokenizer DIR]}: the bundled families, their models, what they support and which
 * vendor templates select them; with a tokenizer, which family its own template resolves to.
 */
public final class TemplatesCommand implements Command {
    @Override
    public String name() {
        return "templates";
    }

    @Override
    public String summary() {
        return "List the bundled training templates (families, models, support, matching tokenizer templates)";
    }

    @Override
    public String usage() {
        return "usage: chatprep templates [--tokenizer DIR]";
    }

    @Override
    public int run(Args args) {
        args.rejectUnknown(Set.of("tokenizer"));
        TemplateCatalog catalog = TemplateCatalog.bundled();
        TextTable table = new TextTable("family", "tools", "reasoning", "multimodal", "system", "prefix", "deviations",
                "end of turn", "selected by", "models");
        for (TemplateFamily f : catalog.families()) {
            List<String> selectedBy = new ArrayList<>();
            selectedBy.add("originals/" + f.name() + ".jinja");
            selectedBy.addAll(f.revisionFiles());
            if (!f.shape().isEmpty()) {
                selectedBy.add("any " + String.join(" ", f.shape()) + " template rendering the same");
            }
            boolean deviates = !f.deviations().isBlank() && !f.deviations().strip().equalsIgnoreCase("none");
            table.row(f.name(), yes(f.supports().tools()), yes(f.supports().reasoning()), yes(f.supports().multimodalText()),
                    yes(f.supports().system()), yes(f.prefixPreserving()), deviates ? "as generated" : "none",
                    String.join(" ", f.endOfTurn()), String.join(", ", selectedBy), String.join(", ", f.sourceModels()));
        }
        table.print(System.out);
        System.out.println();
        System.out.println(catalog.families().size() + " families. A tokenizer whose chat template equals one of the "
                + "'selected by' templates (whitespace aside) gets that family's <family>_training.jinja with "
                + "--chat-template auto; 'rendering the same' means identical text on the whole verification corpus.");
        String tokenizer = args.get("tokenizer");
        if (tokenizer != null) {
            TokenizerFiles files = TokenizerFiles.fromDirectory(Path.of(tokenizer));
            TemplateResolver resolver = TemplateResolver.forTokenizer(catalog, files);
            Map<String, String> own = TokenizerConfig.of(files).chatTemplates();
            if (own.isEmpty()) {
                own = new java.util.LinkedHashMap<>();
                own.put(TokenizerConfig.DEFAULT_TEMPLATE, null);
            }
            int status = 0;
            for (Map.Entry<String, String> e : own.entrySet()) {
                // A tokenizer with several named templates: each one, as --chat-template NAME would select it.
                String label = own.size() > 1 ? tokenizer + " (" + e.getKey() + "): " : tokenizer + ": ";
                try {
                    System.out.println(label + resolver.resolve(null, null, e.getValue()).explanation());
                } catch (TemplateResolutionException ex) {
                    System.out.println(label + ex.getMessage());
                    status = e.getKey().equals(TokenizerConfig.DEFAULT_TEMPLATE) ? 1 : status;
                }
            }
            return status;
        }
        return 0;
    }

    private static String yes(boolean b) {
        return b ? "yes" : "-";
    }
}
