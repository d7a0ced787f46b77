package io.chatprep.cli;

import io.chatprep.encode.ConversationEncoder;
import io.chatprep.encode.EncodedRow;
import io.chatprep.encode.RowRejectedException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code chatprep tokenize}: one output line per non-blank input line, in order —
 * {@code {"input_ids": [...], "assistant_masks": [...], "labels": [...]}} (with an image processor also
 * {@code "images"} and, for Qwen, {@code "image_grid_thw"}) or {@code {"error": "stage: reason"}}. Relative image
 * references resolve against the input file's directory.
 */
public final class TokenizeCommand implements Command, FlagOptions {
    @Override
    public String name() {
        return "tokenize";
    }

    @Override
    public Set<String> flags() {
        return EncoderSetup.FLAGS;
    }

    @Override
    public String summary() {
        return "Render, tokenize and mask JSONL conversations (input_ids, assistant_masks, labels)";
    }

    @Override
    public String usage() {
        return "usage: chatprep tokenize --tokenizer DIR --input X.jsonl --output Y.jsonl [--chat-template FILE|NAME|auto]\n"
                + "       [--mask assistant|last-turn|final-channel] [--now ISO] [--derive-masks]\n"
                + "       [--image-processor DIR|auto]   image rows as the model's processor encodes them (DIR holds\n"
                + "                                      preprocessor_config.json; auto: the tokenizer's directory)";
    }

    @Override
    public int run(Args args) throws IOException {
        Set<String> known = new HashSet<>(EncoderSetup.OPTIONS);
        known.add("input");
        known.add("output");
        args.rejectUnknown(known);
        Path input = Path.of(args.require("input"));
        Path output = Path.of(args.require("output"));
        if (!Files.isRegularFile(input)) {
            throw new UsageException("--input " + input + ": no such file");
        }
        long rows = 0;
        long rejected = 0;
        long tokens = 0;
        long trained = 0;
        long started = System.nanoTime();
        String source = input.toAbsolutePath().toString();
        try (ConversationEncoder encoder = EncoderSetup.open(args);
             InputLines in = new InputLines(input);
             BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(1 << 16);
            for (InputLines.Line text; (text = in.next()) != null; ) {
                rows++;
                line.setLength(0);
                try {
                    if (text.unreadable() != null) {
                        throw new RowRejectedException("parse", text.unreadable());
                    }
                    EncodedRow row = encoder.encode(ConversationEncoder.parse(text.text()), source);
                    tokens += row.numTokens();
                    trained += row.numTrainedTokens();
                    JsonLines.encodedRow(line, row);
                } catch (RowRejectedException e) {
                    rejected++;
                    JsonLines.error(line, e.stage() + ": " + e.reason());
                }
                out.append(line).append('\n');
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("chatprep tokenize: %d rows, %d encoded, %d rejected; %d tokens, %d trained; %.1f s -> %s%n",
                rows, rows - rejected, rejected, tokens, trained, seconds, output);
        return 0;
    }
}
