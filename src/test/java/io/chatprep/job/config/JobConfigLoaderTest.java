package io.chatprep.job.config;

import io.chatprep.mask.MaskPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobConfigLoaderTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws Exception {
        Path p = dir.resolve("c.yaml");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void fileThenFlagsThenSetWithTypedValues() throws Exception {
        JobConfig c = new JobConfigLoader()
                .file(yaml("input: [a.jsonl, b.jsonl]\ntokenizer: tok\noutput: out\nmax_length: 1024\n"
                        + "template_kwargs: {enable_thinking: true}\n"))
                .set("max-length", "2048")
                .set("input", "c.jsonl")
                .set("input", "d.parquet")
                .assignment("template_kwargs.enable_thinking=false")
                .assignment("spark.spark.executor.memory=4g")
                .assignment("mask=last-turn")
                .assignment("now=2026-01-31T12:00:00")
                .load();
        assertEquals(2048, c.maxLength());
        assertEquals(List.of("c.jsonl", "d.parquet"), c.input());
        assertEquals(Map.of("enable_thinking", false), c.templateKwargs());
        assertEquals(Map.of("spark.executor.memory", "4g"), c.spark());
        assertEquals(MaskPolicy.LAST_TURN, c.maskPolicy());
        assertEquals(LocalDateTime.of(2026, 1, 31, 12, 0), c.now());
        assertEquals(MaxLengthPolicy.DROP, c.maxLengthPolicy());
        assertEquals(WriteMode.ERROR_IF_EXISTS, c.mode());
        assertEquals("auto", c.chatTemplate());
        assertTrue(c.writeAssistantMasks());
        assertNull(c.packLength());
    }

    @Test
    void segmentReuseIsOnByDefaultAndCanBeSwitchedOff() throws Exception {
        assertTrue(new JobConfigLoader().file(yaml("tokenizer: t\n")).load().reuseSegments());
        assertFalse(new JobConfigLoader().file(yaml("tokenizer: t\nreuse_segments: false\n")).load().reuseSegments());
        assertFalse(new JobConfigLoader().file(yaml("tokenizer: t\n")).set("reuse-segments", "false").load().reuseSegments());
        assertTrue(JobConfigLoader.knownKeys().contains("reuse_segments"));
        assertTrue(new JobConfigLoader().file(yaml("tokenizer: t\n")).load().javaBpe());
        assertFalse(new JobConfigLoader().file(yaml("tokenizer: t\njava_bpe: false\n")).load().javaBpe());
        assertFalse(new JobConfigLoader().file(yaml("tokenizer: t\n")).set("java-bpe", "false").load().javaBpe());
        ConfigException e = assertThrows(ConfigException.class,
                () -> new JobConfigLoader().file(yaml("tokenizer: t\n")).set("reuse_segments", "sometimes").load());
        assertTrue(e.getMessage().contains("reuse_segments"), e.getMessage());
    }

    @Test
    void yamlThatDoesNotParseIsOneLineWithItsPlace() throws Exception {
        Path bad = yaml("tokenizer: t\ninput: [a,\n");
        ConfigException e = assertThrows(ConfigException.class, () -> new JobConfigLoader().file(bad));
        // SnakeYAML's problem, at the end of the text (line 3, column 1), inside the flow sequence that opened it.
        assertEquals("cannot parse config file " + bad + ": line 3, column 1: expected the node content, but found "
                + "'<stream end>' (while parsing a flow node)", e.getMessage());
        ConfigException indent = assertThrows(ConfigException.class,
                () -> new JobConfigLoader().file(yaml("output: o\n  mode: overwrite\n")));
        assertEquals("cannot parse config file " + dir.resolve("c.yaml") + ": line 2, column 7: mapping values are "
                + "not allowed here", indent.getMessage());
    }

    @Test
    void unknownKeyIsNamedWithTheValidOnes() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new JobConfigLoader().file(yaml("tokenizer: t\nmax_lenght: 10\n")));
        assertTrue(e.getMessage().contains("'max_lenght'"), e.getMessage());
        assertTrue(e.getMessage().contains("max_length"), e.getMessage());
        ConfigException flag = assertThrows(ConfigException.class, () -> new JobConfigLoader().set("pack-len", "8"));
        assertTrue(flag.getMessage().contains("'pack_len'"), flag.getMessage());
    }

    @Test
    void badValuesNameTheirKey() {
        assertMessage("max_length", new JobConfigLoader().set("tokenizer", "t").set("max_length", "many"));
        assertMessage("max_length", new JobConfigLoader().set("tokenizer", "t").set("max_length", "-3"));
        assertMessage("max_length_policy", new JobConfigLoader().set("tokenizer", "t").set("max_length_policy", "cut"));
        assertMessage("mode", new JobConfigLoader().set("tokenizer", "t").set("mode", "append"));
        assertMessage("mask", new JobConfigLoader().set("tokenizer", "t").set("mask", "everything"));
        assertMessage("columns.mesages", new JobConfigLoader().set("tokenizer", "t").set("columns.mesages", "m"));
        assertMessage("now", new JobConfigLoader().set("tokenizer", "t").set("now", "yesterday"));
        assertMessage("tokenizer", new JobConfigLoader());
        assertMessage("pack_length", new JobConfigLoader().set("tokenizer", "t").set("max_length", "4096")
                .set("pack_length", "2048"));
        ConfigException noInput = assertThrows(ConfigException.class,
                () -> new JobConfigLoader().set("tokenizer", "t").load().validateForWrite());
        assertTrue(noInput.getMessage().contains("'input'"), noInput.getMessage());
    }

    @Test
    void columnRolesRenameInputColumns() {
        JobConfig c = new JobConfigLoader().set("tokenizer", "t").set("columns.messages", "conversation")
                .set("write_assistant_masks", "false").load();
        assertEquals("conversation", c.column("messages"));
        assertEquals("tools", c.column("tools"));
        assertFalse(c.writeAssistantMasks());
    }

    private static void assertMessage(String key, JobConfigLoader loader) {
        ConfigException e = assertThrows(ConfigException.class, loader::load);
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }
}
