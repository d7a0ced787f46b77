package io.chatprep.tokenize;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tokenizer loaded aside goes to the encoder of the very files and options it was started for, and to no other. */
class TokenizerLoadTest {
    @AfterEach
    void nothingLeftOffered() {
        TokenizerLoad.withdraw();
    }

    @Test
    void onlyTheSameFilesAndOptionsClaimAnOfferedLoad() {
        TokenizerFiles files = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("qwen3"));
        TokenizerFiles sameContent = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("qwen3"));
        TokenizerLoad load = TokenizerLoad.start(files, true, true);
        TokenizerLoad.offer(load);
        assertNull(TokenizerLoad.claim(sameContent, true, true), "another read of the files");
        assertNull(TokenizerLoad.claim(files, true, false), "native pieces");
        assertNull(TokenizerLoad.claim(files, false, true), "no segment reuse");
        assertSame(load, TokenizerLoad.claim(files, true, true));
        assertNull(TokenizerLoad.claim(files, true, true), "claimed once");
        try (HfTokenizer tokenizer = load.tokenizer()) {
            assertNotNull(load.model().java(), "the Java model of a byte-level tokenizer");
            try (HfTokenizer reference = HfTokenizer.fromFiles(files)) {
                assertArrayEquals(reference.encode("Hello, world").ids(), tokenizer.encode("Hello, world").ids());
            }
        }
    }

    @Test
    void aLoadNobodyClaimsIsClosed() {
        TokenizerFiles files = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("qwen3"));
        TokenizerLoad first = TokenizerLoad.start(files, false, false);
        TokenizerLoad.offer(first);
        assertNull(first.model(), "no segment model without reuse");
        // Loaded before being given up, so the closing happens within the call that gives it up.
        first.tokenizer().encode("x");
        TokenizerLoad second = TokenizerLoad.start(files, false, false);
        TokenizerLoad.offer(second);
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> first.tokenizer().encode("x"));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        second.tokenizer().encode("x");
        TokenizerLoad.withdraw();
        assertNull(TokenizerLoad.claim(files, false, false));
        assertThrows(IllegalStateException.class, () -> second.tokenizer().encode("x"));
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
