package io.chatprep.encode;

import io.chatprep.mask.MaskPolicy;
import io.chatprep.template.py.PyNone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows that cannot become training data are rejected at the right stage with a reason a person can act on. */
class ConversationEncoderTest {
    private static ConversationEncoder encoder;

    @BeforeAll
    static void open() {
        org.junit.jupiter.api.Assumptions.assumeTrue(EncoderFixtures.engineRenders(), "the template engine does not render yet");
        encoder = EncoderFixtures.open("qwen3", MaskPolicy.ASSISTANT);
    }

    @AfterAll
    static void close() {
        if (encoder != null) {
            encoder.close();
        }
    }

    private static RowRejectedException reject(Map<String, Object> row) {
        return assertThrows(RowRejectedException.class, () -> encoder.encode(row));
    }

    private static RowRejectedException rejectJson(String json) {
        return assertThrows(RowRejectedException.class, () -> encoder.encodeJson(json));
    }

    @Test
    void malformedLinesAreRejectedAtParse() {
        RowRejectedException e = rejectJson("{\"messages\": [");
        assertEquals("parse", e.stage());
        assertEquals("parse", rejectJson("[1, 2]").stage());
    }

    @Test
    void missingOrMistypedFieldsAreNamed() {
        RowRejectedException missing = rejectJson("{\"conversation\": []}");
        assertEquals("convert", missing.stage());
        assertTrue(missing.reason().contains("missing 'messages'"), missing.reason());

        RowRejectedException notList = rejectJson("{\"messages\": \"hello\"}");
        assertTrue(notList.reason().contains("'messages' must be a list of messages, got str"), notList.reason());

        RowRejectedException noRole = rejectJson("{\"messages\": [{\"content\": \"hi\"}]}");
        assertTrue(noRole.reason().contains("messages[0] has no string 'role'"), noRole.reason());

        RowRejectedException notDict = rejectJson("{\"messages\": [\"hi\"]}");
        assertTrue(notDict.reason().contains("messages[0] must be a dict"), notDict.reason());

        RowRejectedException badTools = rejectJson("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"tools\": \"[{\"}");
        assertTrue(badTools.reason().startsWith("'tools' is a string but not valid JSON"), badTools.reason());

        RowRejectedException badKwargs = rejectJson("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"chat_template_kwargs\": 3}");
        assertTrue(badKwargs.reason().contains("'chat_template_kwargs' must be a dict, got int"), badKwargs.reason());

        RowRejectedException plainPrompt = rejectJson("{\"prompt\": \"Q\", \"completion\": \"A\"}");
        assertTrue(plainPrompt.reason().contains("plain text"), plainPrompt.reason());
    }

    @Test
    void runWideKwargsAreCheckedLikeTheRowsOwn() throws Exception {
        java.nio.file.Path template = EncoderFixtures.templateFor("qwen3");
        try (ConversationEncoder withDefaults = ConversationEncoder.open(new EncoderSpec(EncoderFixtures.read(template),
                io.chatprep.tokenize.TokenizerFiles.fromDirectory(io.chatprep.tokenize.TokenGoldens.tokenizerDir("qwen3")),
                new EncoderOptions(MaskPolicy.ASSISTANT, null, Map.of("tools", List.of()))))) {
            RowRejectedException e = assertThrows(RowRejectedException.class, () -> withDefaults.encodeJson(
                    "{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}, {\"role\": \"assistant\", \"content\": \"y\"}]}"));
            assertEquals("convert", e.stage());
            assertTrue(e.reason().contains("sets 'tools'"), e.reason());
        }
    }

    @Test
    void rowWithoutAssistantTokensIsRejected() {
        RowRejectedException e = reject(Map.of("messages", List.of(Map.of("role", "user", "content", "hi"))));
        assertEquals("mask", e.stage());
        assertTrue(e.reason().startsWith("no assistant tokens"), e.reason());
    }

    @Test
    void toolsAsJsonTextEqualToolsAsList() throws RowRejectedException {
        String tools = "[{\"type\": \"function\", \"function\": {\"name\": \"f\", \"parameters\": {}}}]";
        String messages = "[{\"role\": \"user\", \"content\": \"x\"}, {\"role\": \"assistant\", \"content\": \"y\"}]";
        EncodedRow asText = encoder.encodeJson("{\"messages\": " + messages + ", \"tools\": " + quote(tools) + "}");
        EncodedRow asList = encoder.encodeJson("{\"messages\": " + messages + ", \"tools\": " + tools + "}");
        assertEquals(java.util.Arrays.toString(asList.inputIds()), java.util.Arrays.toString(asText.inputIds()));
        assertTrue(asText.numTrainedTokens() > 0);
        assertEquals(PyNone.NONE.toString(), "None");
    }

    @Test
    void templateRaiseIsRejectedWithItsOwnMessage() throws Exception {
        try (ConversationEncoder gemma = EncoderFixtures.open("gemma3",
                io.chatprep.tokenize.TokenGoldens.RESOURCES.resolve("templates/gemma_marked.jinja"), MaskPolicy.ASSISTANT)) {
            RowRejectedException e = assertThrows(RowRejectedException.class, () -> gemma.encodeJson(
                    "{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}, {\"role\": \"tool\", \"content\": \"y\"}]}"));
            assertEquals("render", e.stage());
            assertEquals("template raised: This template does not support tool messages or tool calls.", e.reason());
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
