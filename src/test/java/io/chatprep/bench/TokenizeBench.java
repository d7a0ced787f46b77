package io.chatprep.bench;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.chatprep.encode.ConversationEncoder;
import io.chatprep.encode.EncodedRow;
import io.chatprep.encode.EncoderOptions;
import io.chatprep.encode.EncoderSpec;
import io.chatprep.encode.RowRejectedException;
import io.chatprep.mask.AssistantMask;
import io.chatprep.mask.MaskPolicy;
import io.chatprep.template.ChatTemplate;
import io.chatprep.template.RenderRequest;
import io.chatprep.template.RenderedChat;
import io.chatprep.tokenize.Encoding;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.segment.SegmentEncoder;
import io.chatprep.tokenize.TokenizerFiles;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Single-thread throughput of the encoder stages on one corpus: the whole row path (render + encode + mask) with
 * segment reuse on and off, rendering alone, DJL's public {@code encode}, chatprep's JNI encode and the segment
 * encoder on the same rendered texts, and mask + label building alone. Each stage runs {@code rounds} times,
 * interleaved; the best run of each is reported, as a table and as one {@code BENCH <stage> <conversations/s>
 * <tokens/s>} line per stage for scripts. Stages with a segment cache empty it before every run, as a job that
 * sees each row once starts: a cache warmed by earlier rounds would hold the whole corpus. Tokenizer instances
 * (and their native word caches) stay the same for all stages, so no stage starts colder than another.
 *
 * <p>Arguments: tokenizer dir, template file, JSONL corpus, [rounds].
 */
public final class TokenizeBench {
    private TokenizeBench() {
    }

    public static void main(String[] argv) throws Exception {
        Path tokenizerDir = Path.of(argv[0]);
        String template = Files.readString(Path.of(argv[1]), StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(Path.of(argv[2]), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        int rounds = argv.length > 3 ? Integer.parseInt(argv[3]) : 3;
        TokenizerFiles files = TokenizerFiles.fromDirectory(tokenizerDir);
        EncoderOptions options = new EncoderOptions(MaskPolicy.ASSISTANT, LocalDateTime.of(2025, 6, 1, 12, 0), Map.of());

        try (ConversationEncoder encoder = ConversationEncoder.open(new EncoderSpec(template, files,
                options.withReuseSegments(false)));
             ConversationEncoder reusing = ConversationEncoder.open(new EncoderSpec(template, files,
                     options.withReuseSegments(true)));
             ConversationEncoder reusingNative = ConversationEncoder.open(new EncoderSpec(template, files,
                     options.withReuseSegments(true).withJavaBpe(false)));
             HuggingFaceTokenizer djl = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(files.tokenizerJson()),
                     Map.of("addSpecialTokens", "false", "padding", "false", "truncation", "false"))) {
            HfTokenizer tokenizer = encoder.tokenizer();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String line : lines) {
                rows.add(ConversationEncoder.parse(line));
            }
            // Rendered texts and spans of the rows the encoder accepts, for the per-stage measurements.
            ChatTemplate compiled = ChatTemplate.compile(template);
            List<RenderedChat> rendered = new ArrayList<>();
            int rejected = 0;
            for (Map<String, Object> row : rows) {
                try {
                    encoder.encode(row);
                    rendered.add(render(compiled, tokenizer, row, options.now()));
                } catch (RowRejectedException e) {
                    rejected++;
                }
            }
            List<Encoding> encodings = new ArrayList<>();
            long tokens = 0;
            for (RenderedChat r : rendered) {
                Encoding e = tokenizer.encode(r.text());
                encodings.add(e);
                tokens += e.size();
            }
            System.out.printf("corpus: %s, %d rows (%d rejected by the template), %d tokens; best of %d rounds, 1 thread%n",
                    argv[2], rows.size(), rejected, tokens, rounds);

            Stage full = stage(() -> reusing.segmentEncoder().clearCache(), () -> encodeRows(reusing, rows));
            Stage fullNoReuse = () -> encodeRows(encoder, rows);
            Stage fullNative = stage(() -> reusingNative.segmentEncoder().clearCache(),
                    () -> encodeRows(reusingNative, rows));
            Stage render = () -> {
                long sink = 0;
                for (Map<String, Object> row : rows) {
                    sink += render(compiled, tokenizer, row, options.now()).text().length();
                }
                return sink;
            };
            Stage djlEncode = () -> {
                long sink = 0;
                for (RenderedChat r : rendered) {
                    ai.djl.huggingface.tokenizers.Encoding e = djl.encode(r.text(), false, false);
                    sink += e.getIds().length + e.getCharTokenSpans().length;
                }
                return sink;
            };
            Stage jniEncode = () -> {
                long sink = 0;
                for (RenderedChat r : rendered) {
                    sink += tokenizer.encode(r.text()).size();
                }
                return sink;
            };
            SegmentEncoder segments = SegmentEncoder.create(tokenizer, files);
            Stage segmentEncode = stage(segments::clearCache, () -> {
                long sink = 0;
                for (RenderedChat r : rendered) {
                    sink += segments.encode(r.text()).size();
                }
                return sink;
            });
            SegmentEncoder javaSegments = SegmentEncoder.create(tokenizer, files, true);
            Stage javaEncode = stage(javaSegments::clearCache, () -> {
                long sink = 0;
                for (RenderedChat r : rendered) {
                    sink += javaSegments.encode(r.text()).size();
                }
                return sink;
            });
            Stage mask = () -> {
                long sink = 0;
                for (int i = 0; i < rendered.size(); i++) {
                    Encoding e = encodings.get(i);
                    byte[] m = AssistantMask.fromSpans(e.offsets(), rendered.get(i).generationSpans());
                    sink += AssistantMask.labels(e.ids(), m).length + AssistantMask.count(m);
                }
                return sink;
            };
            double[] best = best(rounds, full, fullNoReuse, fullNative, render, djlEncode, jniEncode, segmentEncode,
                    javaEncode, mask);
            String[] names = {"render + encode + mask (reuse on, Java BPE)", "render + encode + mask (reuse off)",
                    "render + encode + mask (reuse on, native only)", "render only",
                    "DJL HuggingFaceTokenizer.encode", "chatprep HfTokenizer.encode (JNI)",
                    "chatprep SegmentEncoder (native)", "chatprep SegmentEncoder (Java BPE)", "mask + labels only"};
            String[] stages = {"row_path", "row_path_no_reuse", "row_path_native", "render", "djl_encode", "jni_encode",
                    "segment_encode", "java_encode", "mask"};
            int maskStage = stages.length - 1;
            int djlStage = 4;
            int jniStage = 5;
            for (int i = 0; i < names.length; i++) {
                row(names[i], best[i], tokens);
            }
            System.out.printf("(checksum %d)%n", sinkTotal);
            System.out.printf("mask + labels cost %.2f%% of DJL encode time, %.2f%% of chatprep encode time%n",
                    100 * best[maskStage] / best[djlStage], 100 * best[maskStage] / best[jniStage]);
            long pieces = segments.cacheHits() + segments.cacheMisses();
            System.out.printf("segment cache, one pass from empty: %d text pieces, %.1f%% found in the cache, "
                            + "%d pieces kept, %d texts encoded whole%n", pieces, 100.0 * segments.cacheHits() / pieces,
                    segments.cachedPieces(), segments.wholeTexts());
            for (int i = 0; i < stages.length - 1; i++) {
                int conversations = i <= 3 ? rows.size() : rendered.size();
                System.out.printf(java.util.Locale.ROOT, "BENCH %s %.1f %.0f%n", stages[i], conversations / best[i],
                        tokens / best[i]);
            }
        }
    }

    private static RenderedChat render(ChatTemplate template, HfTokenizer tokenizer, Map<String, Object> row,
                                       LocalDateTime now) {
        Object tools = row.get("tools");
        RenderRequest.Builder request = RenderRequest.builder()
                .messages((List<?>) row.get("messages"))
                .specialTokens(tokenizer.config().specialTokens())
                .now(now);
        if (tools instanceof List<?> list) {
            request.tools(list);
        }
        return template.render(request.build());
    }

    private interface Stage {
        /** Untimed preparation before each run. */
        default void reset() {
        }

        long run();
    }

    private static Stage stage(Runnable reset, Stage body) {
        return new Stage() {
            @Override
            public void reset() {
                reset.run();
            }

            @Override
            public long run() {
                return body.run();
            }
        };
    }

    private static long encodeRows(ConversationEncoder encoder, List<Map<String, Object>> rows) {
        long sink = 0;
        for (Map<String, Object> row : rows) {
            try {
                EncodedRow e = encoder.encode(row);
                sink += e.numTrainedTokens();
            } catch (RowRejectedException e) {
                sink--;
            }
        }
        return sink;
    }

    private static long sinkTotal;

    /**
     * Seconds of the fastest of {@code rounds} runs of each stage, after one warm-up run each. Rounds run the
     * stages in turn so that load from other processes on a shared machine spreads over all of them.
     */
    private static double[] best(int rounds, Stage... stages) {
        double[] best = new double[stages.length];
        Arrays.fill(best, Double.MAX_VALUE);
        for (Stage stage : stages) {
            stage.reset();
            sinkTotal += stage.run();
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < stages.length; i++) {
                stages[i].reset();
                long start = System.nanoTime();
                sinkTotal += stages[i].run();
                best[i] = Math.min(best[i], (System.nanoTime() - start) / 1e9);
            }
        }
        return best;
    }

    private static void row(String name, double seconds, long tokens) {
        System.out.printf("  %-36s %8.3f s  %10.0f tokens/s%n", name, seconds, tokens / seconds);
    }

}
