package io.chatprep.tokenize.segment;

import io.chatprep.encode.ConversationEncoder;
import io.chatprep.encode.RowRejectedException;
import io.chatprep.template.ChatTemplate;
import io.chatprep.template.RenderRequest;
import io.chatprep.template.TemplateException;
import io.chatprep.tokenize.EncodedPiece;
import io.chatprep.tokenize.TokenizerConfig;
import io.chatprep.tokenize.TokenizerFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The piece cache alone under the lookups a job makes: the corpus is rendered and cut at added tokens exactly as the
 * segment encoder cuts it, then every thread replays that stream of pieces (looking each up, offering the misses)
 * from its own starting point. Prints lookups per second per thread for one thread, for {@code threads} sharing one
 * cache, and for {@code threads} with a cache each: the last is what this machine's cores give threads that share
 * nothing (on a shared machine its cores need not be equally fast), the ceiling for the shared cache. Arguments:
 * tokenizer dir, template, JSONL corpus, [threads], [rounds].
 */
public final class PieceCacheBench {
    private PieceCacheBench() {
    }

    public static void main(String[] argv) throws Exception {
        TokenizerFiles files = TokenizerFiles.fromDirectory(Path.of(argv[0]));
        ChatTemplate template = ChatTemplate.compile(Files.readString(Path.of(argv[1]), StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(Path.of(argv[2]), StandardCharsets.UTF_8);
        int threads = argv.length > 3 ? Integer.parseInt(argv[3]) : Runtime.getRuntime().availableProcessors();
        int rounds = argv.length > 4 ? Integer.parseInt(argv[4]) : 5;
        SegmentRules rules = SegmentModel.read(files.tokenizerJson(), false).rules();
        AddedTokenSplitter splitter = new AddedTokenSplitter(rules.tokens(), rules.normalizerIsIdentity());
        TokenizerConfig config = TokenizerConfig.of(files);
        String[] pieces = pieces(lines, template, splitter, config);
        System.out.printf("%d pieces from %s; each thread replays them all, best of %d rounds%n", pieces.length,
                argv[2], rounds);
        EncodedPiece tokens = new EncodedPiece(new int[] {1, 2, 3}, new int[] {0, 1, 1, 2, 2, 3});
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int[] counts = {1, threads, threads};
            boolean[] shared = {true, true, false};
            String[] names = {"1 thread", threads + " threads sharing one cache", threads + " threads, a cache each"};
            String[] stages = {"piece_cache_1t", "piece_cache_" + threads + "t_shared", "piece_cache_" + threads + "t_own"};
            double[] best = new double[counts.length];
            for (int round = 0; round < rounds; round++) {
                for (int c = 0; c < counts.length; c++) {
                    best[c] = Math.max(best[c], replay(pool, counts[c], shared[c], pieces, tokens));
                }
            }
            for (int c = 0; c < counts.length; c++) {
                System.out.printf("%-32s %.2f M lookups/s per thread%n", names[c] + ":", best[c] / 1e6);
            }
            for (int c = 0; c < counts.length; c++) {
                System.out.printf("BENCH %s %.0f%n", stages[c], best[c]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Lookups per second per thread, {@code n} threads on fresh caches: one they share, or one each. */
    private static double replay(ExecutorService pool, int n, boolean shared, String[] pieces, EncodedPiece tokens)
            throws Exception {
        SegmentCache one = shared ? newCache() : null;
        List<Future<Long>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < n; t++) {
            int offset = t * (pieces.length / n);
            SegmentCache cache = shared ? one : newCache();
            done.add(pool.submit(() -> {
                long found = 0;
                for (int i = 0; i < pieces.length; i++) {
                    String piece = pieces[(offset + i) % pieces.length];
                    if (cache.get(piece) != null) {
                        found++;
                    } else {
                        cache.offer(piece, tokens);
                    }
                }
                return found;
            }));
        }
        for (Future<Long> f : done) {
            f.get();
        }
        return pieces.length / ((System.nanoTime() - start) / 1e9);
    }

    private static SegmentCache newCache() {
        return new SegmentCache(SegmentEncoder.DEFAULT_CACHE_BYTES, SegmentEncoder.DEFAULT_ALWAYS_ADMIT_CHARS);
    }

    private static String[] pieces(List<String> lines, ChatTemplate template, AddedTokenSplitter splitter,
                                   TokenizerConfig config) {
        List<String> out = new ArrayList<>();
        Segments segments = new Segments();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String text;
            try {
                Map<String, Object> row = ConversationEncoder.parse(line);
                RenderRequest.Builder request = RenderRequest.builder().messages((List<?>) row.get("messages"))
                        .specialTokens(config.specialTokens()).now(LocalDateTime.of(2025, 6, 1, 12, 0));
                if (row.get("tools") instanceof List<?> tools) {
                    request.tools(tools);
                }
                text = template.render(request.build()).text();
            } catch (RowRejectedException | TemplateException | ClassCastException e) {
                continue;
            }
            segments.clear();
            if (splitter.split(text, segments)) {
                for (int i = 0; i < segments.count(); i++) {
                    if (segments.token(i) == Segments.TEXT) {
                        out.add(text.substring(segments.start(i), segments.end(i)));
                    }
                }
            }
        }
        return out.toArray(new String[0]);
    }
}
