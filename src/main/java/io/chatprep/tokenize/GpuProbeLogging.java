package io.chatprep.tokenize;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * DJL picks its native library by asking CUDA how many GPUs there are, on every JVM that loads it. Where a CUDA
 * runtime is installed but no GPU is usable, each ask logs a warning ({@code Failed to detect GPU count}), twice
 * per JVM, on the driver and every executor. The tokenizers never run on a GPU, so that warning tells nobody
 * anything: its logger is raised to errors before the first ask. Where a GPU answers, the probe logs nothing
 * anyway. Logging that is not Log4j 2 (a notebook's own binding) is left as it is.
 */
final class GpuProbeLogging {
    static final String LOGGER = "ai.djl.util.cuda.CudaUtils";

    private GpuProbeLogging() {
    }

    static void quiet() {
        try {
            if (LogManager.getLogger(LOGGER).isWarnEnabled()) {
                Configurator.setLevel(LOGGER, Level.ERROR);
            }
        } catch (LinkageError e) {
            // No Log4j 2 core on the classpath: the user's logging decides.
        }
    }
}
