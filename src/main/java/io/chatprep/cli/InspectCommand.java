package io.chatprep.cli;

import io.chatprep.encode.ConversationEncoder;
import io.chatprep.encode.EncodedConversation;
import io.chatprep.encode.RowRejectedException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code chatprep inspect}: shows which tokens of chosen rows are trained — green on a terminal, {@code [[ ]]}
 * markers otherwise — with trained / total counts, and optionally a self-contained HTML page of the same view.
 */
public final class InspectCommand implements Command, FlagOptions {
    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String summary() {
        return "Show which tokens of a conversation are trained";
    }

    @Override
    public String usage() {
        return "usage: chatprep inspect --tokenizer DIR --input X.jsonl [--rows 0,5] [--boundaries] [--plain] [--html OUT.html]\n"
                + "       [--chat-template FILE|NAME|auto] [--mask assistant|last-turn|final-channel] [--now ISO] [--derive-masks]\n"
                + "       [--image-processor DIR|auto]   image rows as the model's processor encodes them; runs of image\n"
                + "                                      tokens are shown once with their count (<|image_pad|>×391)";
    }

    @Override
    public Set<String> flags() {
        return Set.of("boundaries", "plain", "derive-masks");
    }

    @Override
    public int run(Args args) throws IOException {
        Set<String> known = new HashSet<>(EncoderSetup.OPTIONS);
        known.addAll(Set.of("input", "rows", "html", "boundaries", "plain"));
        args.rejectUnknown(known);
        Path input = Path.of(args.require("input"));
        if (!Files.isRegularFile(input)) {
            throw new UsageException("--input " + input + ": no such file");
        }
        TreeSet<Integer> wanted = parseRows(args.get("rows", "0"));
        boolean boundaries = args.flag("boundaries");
        boolean terminal = System.console() != null && !args.flag("plain");
        TokenView console = new TokenView(terminal ? TokenView.Style.ANSI : TokenView.Style.PLAIN, boundaries);
        TokenView html = new TokenView(TokenView.Style.HTML, boundaries);
        StringBuilder page = new StringBuilder();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int shown = 0;
        String source = input.toAbsolutePath().toString();
        try (ConversationEncoder encoder = EncoderSetup.open(args);
             InputLines in = new InputLines(input)) {
            int index = -1;
            for (InputLines.Line line; !wanted.isEmpty() && index < wanted.last() && (line = in.next()) != null; ) {
                index++;
                if (!wanted.contains(index)) {
                    continue;
                }
                shown++;
                try {
                    if (line.unreadable() != null) {
                        throw new RowRejectedException("parse", line.unreadable());
                    }
                    EncodedConversation row = encoder.inspect(ConversationEncoder.parse(line.text()), source);
                    String counts = String.format("row %d: %d tokens, %d trained (%.1f%%)", index,
                            row.encoding().size(), row.trainedTokens(), 100.0 * row.trainedTokens() / row.encoding().size())
                            + (row.images() == null ? "" : ", " + row.images().count() + " image"
                            + (row.images().count() == 1 ? "" : "s"));
                    out.println("== " + counts);
                    out.println(console.render(row));
                    page.append("<h3>").append(counts).append("</h3>\n<pre>").append(html.render(row)).append("</pre>\n");
                } catch (RowRejectedException e) {
                    String message = "row " + index + ": rejected (" + e.stage() + "): " + e.reason();
                    out.println("== " + message);
                    page.append("<h3 class=\"rejected\">").append(message.replace("&", "&amp;").replace("<", "&lt;"))
                            .append("</h3>\n");
                }
            }
        }
        if (shown < wanted.size()) {
            System.err.println("chatprep inspect: " + input + " has fewer rows than asked for (" + shown + " shown)");
        }
        String htmlPath = args.get("html");
        if (htmlPath != null) {
            Files.writeString(Path.of(htmlPath), TokenView.htmlPage("chatprep inspect: " + input, page.toString()),
                    StandardCharsets.UTF_8);
            System.err.println("chatprep inspect: wrote " + htmlPath);
        }
        return 0;
    }

    /** {@code 0,5} or {@code 0-3,7}: row indices counted from 0 over non-blank lines. */
    static TreeSet<Integer> parseRows(String spec) {
        TreeSet<Integer> rows = new TreeSet<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-');
                if (dash > 0) {
                    int from = Integer.parseInt(p.substring(0, dash).trim());
                    int to = Integer.parseInt(p.substring(dash + 1).trim());
                    for (int i = from; i <= to; i++) {
                        rows.add(i);
                    }
                } else if (!p.isEmpty()) {
                    rows.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException e) {
                throw new UsageException("--rows " + spec + ": expected row numbers such as 0,5 or 2-4");
            }
        }
        if (rows.isEmpty() || rows.first() < 0) {
            throw new UsageException("--rows " + spec + ": expected row numbers from 0");
        }
        return rows;
    }
}
