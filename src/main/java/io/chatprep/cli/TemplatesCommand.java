package io.chatprep.cli;

import io.chatprep.catalog.TemplateCatalog;
import io.chatprep.catalog.TemplateFamily;
import io.chatprep.catalog.TemplateResolution;
import io.chatprep.catalog.TemplateResolutionException;
import io.chatprep.catalog.TemplateResolver;
import io.chatprep.tokenize.TokenizerFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
            boolean deviates = !f.deviations().isBlank() && !f.deviations().strip().equalsIgnoreCase("none");
            table.row(f.name(), yes(f.supports().tools()), yes(f.supports().reasoning()), yes(f.supports().multimodalText()),
                    yes(f.supports().system()), yes(f.prefixPreserving()), deviates ? "as generated" : "none",
                    String.join(" ", f.endOfTurn()), String.join(", ", selectedBy), String.join(", ", f.sourceModels()));
        }
        table.print(System.out);
        System.out.println();
        System.out.println(catalog.families().size() + " families. A tokenizer whose chat template equals one of the "
                + "'selected by' templates (whitespace aside) gets that family's <family>_training.jinja with "
                + "--chat-template auto.");
        String tokenizer = args.get("tokenizer");
        if (tokenizer != null) {
            TokenizerFiles files = TokenizerFiles.fromDirectory(Path.of(tokenizer));
            try {
                TemplateResolution r = new TemplateResolver(catalog).resolve(null, null, files);
                System.out.println(tokenizer + ": " + r.explanation());
            } catch (TemplateResolutionException e) {
                System.out.println(tokenizer + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    private static String yes(boolean b) {
        return b ? "yes" : "-";
    }
}
