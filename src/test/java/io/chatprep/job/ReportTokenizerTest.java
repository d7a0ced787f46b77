package io.chatprep.job;

import io.chatprep.encode.EncoderSpec;
import io.chatprep.job.encode.BroadcastSpec;
import io.chatprep.job.encode.EncoderCache;
import io.chatprep.job.encode.EncoderFactory;
import io.chatprep.tokenize.TokenizerFiles;
import io.chatprep.tokenize.TokenizerLoadException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tokenizer that cannot load stops the run on the driver, in local mode and on a cluster alike. */
class ReportTokenizerTest {
    private static final Path QWEN3 = Path.of("src/test/resources/tokenizers/qwen3");

    @AfterEach
    void forgetEncoders() {
        EncoderCache.closeAll();
    }

    private static BroadcastSpec spec(TokenizerFiles files) throws Exception {
        return BroadcastSpec.of(new EncoderSpec(Files.readString(Path.of("templates/qwen3_training.jinja")), files,
                null));
    }

    private static TokenizerFiles truncated() {
        return new TokenizerFiles("{\"model\": {".getBytes(StandardCharsets.UTF_8), null, null, null,
                "s3a://bucket/tokenizers/broken");
    }

    @Test
    void aClusterRunChecksTheDriversOwnLoad() throws Exception {
        try (ReportTokenizer t = ReportTokenizer.forRun(false, spec(truncated()), EncoderFactory.conversationEncoder())) {
            TokenizerLoadException e = assertThrows(TokenizerLoadException.class, t::requireLoadable);
            assertTrue(e.getMessage().startsWith("s3a://bucket/tokenizers/broken/tokenizer.json: not a valid "
                    + "HuggingFace tokenizer ("), e.getMessage());
        }
    }

    @Test
    void aLocalRunBuildsItsEncoderFirst() throws Exception {
        try (ReportTokenizer t = ReportTokenizer.forRun(true, spec(truncated()), EncoderFactory.conversationEncoder())) {
            TokenizerLoadException e = assertThrows(TokenizerLoadException.class, t::requireLoadable);
            assertTrue(e.getMessage().contains("s3a://bucket/tokenizers/broken/tokenizer.json"), e.getMessage());
        }
        assertTrue(EncoderCache.size() == 0);
    }

    @Test
    void aTokenizerThatLoadsPasses() throws Exception {
        BroadcastSpec good = spec(TokenizerFiles.fromDirectory(QWEN3));
        try (ReportTokenizer cluster = ReportTokenizer.forRun(false, good, EncoderFactory.conversationEncoder());
             ReportTokenizer local = ReportTokenizer.forRun(true, good, EncoderFactory.conversationEncoder())) {
            cluster.requireLoadable();
            local.requireLoadable();
            assertTrue(EncoderCache.cached(good.key(), EncoderFactory.conversationEncoder()) != null);
        }
    }
}
