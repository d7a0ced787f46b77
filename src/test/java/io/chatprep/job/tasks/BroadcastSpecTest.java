package io.chatprep.job.tasks;

import io.chatprep.encode.EncoderSpec;
import io.chatprep.tokenize.TokenizerFiles;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the driver broadcasts: the whole spec to other JVMs, a handle of its key to tasks in its own. */
class BroadcastSpecTest {
    private static BroadcastSpec spec() throws Exception {
        return BroadcastSpec.of(new EncoderSpec(Files.readString(Path.of("templates/qwen3_training.jinja")),
                TokenizerFiles.fromDirectory(Path.of("src/test/resources/tokenizers/qwen3")), null));
    }

    private static byte[] serialized(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static BroadcastSpec copied(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (BroadcastSpec) in.readObject();
        }
    }

    @Test
    void executorsInOtherJvmsGetTheWholeSpec() throws Exception {
        BroadcastSpec full = spec();
        assertSame(full, full.forTasks(false));
        byte[] bytes = serialized(full);
        assertTrue(bytes.length > full.spec().tokenizer().tokenizerJson().length, bytes.length + " bytes");
        assertEquals(full.spec().templateSource(), copied(bytes).spec().templateSource());
    }

    @Test
    void tasksInThisJvmGetAHandleThatFindsTheSameSpec() throws Exception {
        BroadcastSpec full = spec();
        BroadcastSpec handle = full.forTasks(true);
        byte[] bytes = serialized(handle);
        assertTrue(bytes.length < 1_000, bytes.length + " bytes");
        BroadcastSpec received = copied(bytes);
        assertEquals(full.key(), received.key());
        assertSame(full.spec(), received.spec());
    }

    @Test
    void aHandleInAJvmThatDoesNotHoldItsSpecSaysSo() throws Exception {
        BroadcastSpec stray = copied(serialized(new BroadcastSpec("0123abcd", null)));
        IllegalStateException e = assertThrows(IllegalStateException.class, stray::spec);
        assertTrue(e.getMessage().contains("0123abcd") && e.getMessage().contains("not held by this JVM"),
                e.getMessage());
        // A handle is never registered again: it has no spec to register.
        assertSame(stray, stray.forTasks(true));
    }
}
