package io.chatprep.encode;

import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.TokenGoldens;
import io.chatprep.tokenize.TokenizerFiles;
import io.chatprep.tokenize.TokenizerLoadException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tokenizer loaded aside serves the encoder of the very files and options it was started for, and no other. */
class TokenizerLoadTest {
    @Test
    void aLoadServesOnlyItsOwnFilesAndOptions() {
        TokenizerFiles files = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("qwen3"));
        TokenizerFiles sameContent = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("qwen3"));
        TokenizerLoad load = TokenizerLoad.start(files, true, true);
        assertFalse(load.serves(sameContent, true, true), "another read of the files");
        assertFalse(load.serves(files, true, false), "native pieces");
        assertFalse(load.serves(files, false, true), "no segment reuse");
        assertTrue(load.serves(files, true, true));
        try (HfTokenizer tokenizer = load.tokenizer()) {
            assertNotNull(load.model().java(), "the Java model of a byte-level tokenizer");
            try (HfTokenizer reference = HfTokenizer.fromFiles(files)) {
                assertArrayEquals(reference.encode("Hello, world").ids(), tokenizer.encode("Hello, world").ids());
            }
        }
    }

    @Test
    void aDiscardedLoadIsClosed() {
        TokenizerFiles files = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("qwen3"));
        TokenizerLoad load = TokenizerLoad.start(files, false, false);
        assertNull(load.model(), "no segment model without reuse");
        // Loaded before being given up, so the closing happens within the call that gives it up.
        load.tokenizer().encode("x");
        load.discard();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> load.tokenizer().encode("x"));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }

    @Test
    void aFailedLoadReportsTheLoadersOwnError() {
        TokenizerFiles real = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("qwen3"));
        TokenizerFiles broken = new TokenizerFiles("{\"model\": 7}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                real.tokenizerConfigJson(), real.specialTokensMapJson(), real.chatTemplateJinja(), "broken");
        TokenizerLoad load = TokenizerLoad.start(broken, false, false);
        TokenizerLoadException e = assertThrows(TokenizerLoadException.class, load::tokenizer);
        assertTrue(e.getMessage().startsWith("broken/tokenizer.json: not a valid HuggingFace tokenizer"), e.getMessage());
    }
}
