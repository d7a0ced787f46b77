package io.chatprep.encode;

import io.chatprep.mask.MaskPolicy;
import io.chatprep.tokenize.Encoding;
import io.chatprep.tokenize.segment.SegmentEncoder;
import io.chatprep.tokenize.TokenGoldens;
import io.chatprep.tokenize.TokenizerFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Every row of the given JSONL files, with each byte-level tokenizer and its family's training template, encoded
 * with Java BPE pieces and with the native tokenizer on whole texts: prints, per tokenizer, rows compared, rows
 * that differ (the first few in full) and pieces the Java encoder declined. Exit status 1 on any difference.
 * Run by {@code scripts/reference/check-java-bpe}; too slow for the unit suite, which runs the same comparison on the
 * committed conversations ({@code SegmentReuseTest}).
 */
public final class JavaBpeCorpusCheck {
    private JavaBpeCorpusCheck() {
    }

    public static void main(String[] args) throws Exception {
        String[] tokenizers = args[0].split(",");
        boolean clean = true;
        for (String name : tokenizers) {
            clean &= check(name, Arrays.copyOfRange(args, 1, args.length));
        }
        System.exit(clean ? 0 : 1);
    }

    private static boolean check(String name, String[] files) throws Exception {
        EncoderOptions options = new EncoderOptions(MaskPolicy.ASSISTANT, TokenGoldens.FIXED_NOW, Map.of());
        String template = EncoderFixtures.read(EncoderFixtures.templateFor(name));
        TokenizerFiles tokenizer = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir(name));
        long compared = 0;
        long rejected = 0;
        long differ = 0;
        long tokens = 0;
        try (ConversationEncoder java = ConversationEncoder.open(new EncoderSpec(template, tokenizer, options));
             ConversationEncoder whole = ConversationEncoder.open(new EncoderSpec(template, tokenizer,
                     options.withReuseSegments(false)))) {
            SegmentEncoder segments = java.segmentEncoder();
            if (!segments.encodesInJava()) {
                System.out.printf("%s: not encoded in Java (%s)%n", name, segments.disabledReason());
                return false;
            }
            for (String file : files) {
                for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Map<String, Object> row = ConversationEncoder.parse(line);
                    EncodedConversation expected;
                    try {
                        expected = whole.inspect(row);
                    } catch (RowRejectedException e) {
                        rejected++;
                        continue;
                    }
                    Encoding reference = expected.encoding();
                    Encoding mine = java.inspect(row).encoding();
                    compared++;
                    tokens += reference.size();
                    if (!Arrays.equals(reference.ids(), mine.ids()) || !Arrays.equals(reference.offsets(), mine.offsets())) {
                        if (differ++ < 5) {
                            System.out.printf("%s: %s row differs: %s%n", name, file, line.substring(0, Math.min(200, line.length())));
                        }
                    }
                }
            }
            System.out.printf("%s: %d rows (%d tokens) compared, %d differ, %d rejected by the template, "
                            + "%d pieces left to the native tokenizer, %d texts encoded whole%n", name, compared, tokens,
                    differ, rejected, segments.nativePieces(), segments.wholeTexts());
        }
        return differ == 0;
    }
}
