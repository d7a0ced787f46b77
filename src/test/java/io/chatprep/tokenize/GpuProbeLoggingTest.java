package io.chatprep.tokenize;

import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loading the tokenizers' native library makes DJL probe CUDA, which warns on machines with a CUDA runtime and no
 * usable GPU. Once a tokenizer is loaded that warning is off, and errors still come through.
 */
class GpuProbeLoggingTest {
    @Test
    void loadingATokenizerSilencesTheGpuProbesWarnings() {
        try (HfTokenizer ignored = HfTokenizer.load(TokenGoldens.tokenizerDir("qwen3"))) {
            assertFalse(LogManager.getLogger(GpuProbeLogging.LOGGER).isWarnEnabled());
            assertTrue(LogManager.getLogger(GpuProbeLogging.LOGGER).isErrorEnabled());
        }
    }
}
