package io.chatprep.job.input;

import io.chatprep.encode.RowJson;
import io.chatprep.encode.RowRejectedException;
import io.chatprep.job.config.JobConfigLoader;
import io.chatprep.template.py.PyNone;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowConverterTest {
    private static RowConverter converter(String... settings) {
        JobConfigLoader l = new JobConfigLoader().set("tokenizer", "t");
        for (String s : settings) {
            l.assignment(s);
        }
        return new RowConverter(l.load());
    }

    private static Object json(String text) throws Exception {
        return RowJson.parse(text);
    }

    @Test
    void messagesRowKeepsAbsentKeysAbsentAndParsesToolsText() throws Exception {
        Map<String, Object> row = converter().convert(json(
                "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"tools\": \"[{\\\"type\\\": \\\"function\\\"}]\", \"extra\": 1}"));
        assertEquals(List.of("messages", "tools"), List.copyOf(row.keySet()));
        assertEquals(List.of(Map.of("type", "function")), row.get("tools"));
        Map<?, ?> m = (Map<?, ?>) ((List<?>) row.get("messages")).get(0);
        assertFalse(m.containsKey("tool_calls"));
    }

    @Test
    void shareGptTurnsBecomeMessagesWithToolCalls() throws Exception {
        Map<String, Object> row = converter().convert(json("{\"system\": \"Be nice.\", \"conversations\": ["
                + "{\"from\": \"human\", \"value\": \"Weather?\"},"
                + "{\"from\": \"function_call\", \"value\": \"{\\\"name\\\": \\\"weather\\\", \\\"arguments\\\": {\\\"city\\\": \\\"Oslo\\\"}}\"},"
                + "{\"from\": \"observation\", \"value\": \"rain\"},"
                + "{\"from\": \"gpt\", \"value\": \"It rains.\"}]}"));
        List<?> messages = (List<?>) row.get("messages");
        assertEquals(5, messages.size());
        assertEquals(Map.of("role", "system", "content", "Be nice."), messages.get(0));
        Map<?, ?> call = (Map<?, ?>) messages.get(2);
        assertEquals("assistant", call.get("role"));
        assertEquals(PyNone.NONE, call.get("content"));
        assertEquals(List.of(Map.of("type", "function", "function", Map.of("name", "weather", "arguments",
                Map.of("city", "Oslo")))), call.get("tool_calls"));
        assertEquals(Map.of("role", "tool", "content", "rain"), messages.get(3));
        assertEquals(Map.of("role", "assistant", "content", "It rains."), messages.get(4));
    }

    @Test
    void alpacaRowsJoinInstructionAndInputAndReplayHistory() throws Exception {
        Map<String, Object> row = converter("format=alpaca").convert(json("{\"instruction\": \"Translate\", "
                + "\"input\": \"cat\", \"output\": \"chat\", \"history\": [[\"Hi\", \"Hello\"]]}"));
        assertEquals(List.of(Map.of("role", "user", "content", "Hi"), Map.of("role", "assistant", "content", "Hello"),
                Map.of("role", "user", "content", "Translate\ncat"), Map.of("role", "assistant", "content", "chat")),
                row.get("messages"));
        Map<String, Object> noInput = converter().convert(json("{\"instruction\": \"Say hi\", \"input\": \"\", \"output\": \"hi\"}"));
        assertEquals(Map.of("role", "user", "content", "Say hi"), ((List<?>) noInput.get("messages")).get(0));
    }

    @Test
    void promptCompletionAndRenamedColumns() throws Exception {
        Map<String, Object> pc = converter().convert(json("{\"prompt\": \"The sky is\", \"completion\": \" blue.\"}"));
        assertEquals(Map.of("prompt", "The sky is", "completion", " blue."), pc);
        Map<String, Object> renamed = converter("columns.messages=chat").convert(
                json("{\"chat\": [{\"role\": \"user\", \"content\": \"x\"}]}"));
        assertTrue(renamed.containsKey("messages"));
    }

    @Test
    void rejectionsSayWhatIsWrong() {
        assertReason("no conversation found", "{\"text\": \"hello\"}");
        assertReason("must be a list", "{\"messages\": \"hello\"}");
        assertReason("'narrator' is not an allowed role", "{\"messages\": [{\"role\": \"narrator\", \"content\": \"x\"}]}");
        assertReason("role must be a string", "{\"messages\": [{\"content\": \"x\"}]}");
        assertReason("'messages' column is null", "{\"messages\": null}");
        assertReason("not a known ShareGPT speaker", "{\"conversations\": [{\"from\": \"bot\", \"value\": \"x\"}]}");
        assertReason("must be a JSON object", "[1, 2]");
    }

    private static void assertReason(String expected, String json) {
        RowRejectedException e = assertThrows(RowRejectedException.class, () -> converter().convert(json(json)));
        assertEquals("convert", e.stage());
        assertTrue(e.reason().contains(expected), e.reason());
    }
}
