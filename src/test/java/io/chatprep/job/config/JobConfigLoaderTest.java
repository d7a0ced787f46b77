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

    @Test
    void anchorsAndAliasesResolveAsInEveryYamlReader() throws Exception {
        JobConfig c = new JobConfigLoader().file(yaml("""
                tokenizer: &tok /models/qwen3
                output: *tok
                allowed_roles: &r [user, assistant]
                max_length: &n 512
                pack_length: *n
                columns: {messages: conversation}
                """)).load();
        assertEquals(List.of("user", "assistant"), c.allowedRoles());
        assertEquals("/models/qwen3", c.output());
        assertEquals(512, c.packLength());
        assertEquals("conversation", c.column("messages"));
        // The shape that quarantined every row: an alias of a list was read as the anchor's name, ['r'].
        c = new JobConfigLoader().file(yaml("""
                tokenizer: t
                template_kwargs: {roles: &r [user, assistant, tool]}
                allowed_roles: *r
                """)).load();
        assertEquals(List.of("user", "assistant", "tool"), c.allowedRoles());
    }

    @Test
    void aliasExpansionIsBounded() throws Exception {
        StringBuilder bomb = new StringBuilder("tokenizer: t\ntemplate_kwargs:\n  a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("  a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        ConfigException e = assertThrows(ConfigException.class, () -> new JobConfigLoader().file(yaml(bomb.toString())));
        assertTrue(e.getMessage().contains("alias"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRefusedNotSilentlyOverwritten() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new JobConfigLoader().file(yaml("tokenizer: a\nmax_length: 512\nmax_length: 4096\n")));
        assertTrue(e.getMessage().contains("duplicate key 'max_length'") && e.getMessage().contains("line 3"),
                e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> new JobConfigLoader().file(yaml("tokenizer: a\nspark: {spark.x: 1, spark.x: 2}\n")));
        assertTrue(e.getMessage().contains("duplicate key 'spark.x'"), e.getMessage());
    }

    @Test
    void wholeNumberKeysRefuseFractions() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new JobConfigLoader().file(yaml("tokenizer: t\nmax_length: 3.7\n")).load());
        assertEquals("'max_length' must be a positive whole number, got 3.7", e.getMessage());
        assertMessage("pack_length", new JobConfigLoader().set("tokenizer", "t").set("pack_length", "1024.5"));
        assertMessage("num_shards", new JobConfigLoader().set("tokenizer", "t").set("num_shards", "2.0"));
        assertEquals(1024, new JobConfigLoader().set("tokenizer", "t").set("max_length", "1024").load().maxLength());
    }

    @Test
    void emptyRoleListsAndAbsurdSplitSizesAreRefused() throws Exception {
        assertMessage("allowed_roles", new JobConfigLoader().file(yaml("tokenizer: t\nallowed_roles: []\n")));
        assertMessage("split_size_mb", new JobConfigLoader().set("tokenizer", "t").set("split_size_mb", "0"));
        assertMessage("split_size_mb", new JobConfigLoader().set("tokenizer", "t").set("split_size_mb", "0.0001"));
        assertMessage("split_size_mb", new JobConfigLoader().set("tokenizer", "t").set("split_size_mb", "1e9"));
        assertMessage("split_size_mb", new JobConfigLoader().set("tokenizer", "t").set("split_size_mb", ".nan"));
        assertEquals(0.5, new JobConfigLoader().set("tokenizer", "t").set("split_size_mb", "0.5").load().splitSizeMb());
    }

    private static void assertMessage(String key, JobConfigLoader loader) {
        ConfigException e = assertThrows(ConfigException.class, loader::load);
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }
}
