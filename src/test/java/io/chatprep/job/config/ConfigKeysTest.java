package io.chatprep.job.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key registry drives everything that names keys: the record, the manifest's tree and README's table. */
class ConfigKeysTest {
    @Test
    void everyKeyIsAComponentOfTheConfigAndShownInItsTree() {
        JobConfig c = new JobConfigLoader().set("tokenizer", "t").load();
        JsonNode tree = c.toTree();
        Set<String> names = new HashSet<>();
        for (ConfigKey<?> k : ConfigKeys.ALL) {
            assertTrue(names.add(k.name()), "duplicate key " + k);
            assertTrue(tree.has(k.name()), k.name());
            if (k != ConfigKeys.TOKENIZER) {
                assertEquals(k.defaultValue(), c.value(k), k.name());
            }
        }
        assertEquals(ConfigKeys.ALL.size(), JobConfig.class.getRecordComponents().length);
        assertEquals(ConfigKeys.ALL.size(), tree.size());
        assertEquals("error-if-exists", tree.get("mode").asText());
        assertEquals("assistant", tree.get("mask").asText());
        assertTrue(tree.get("max_length").isNull());
    }

    @Test
    void typedOptionsEqualTheirTextForms() {
        JobConfig typed = new JobConfigLoader().set(ConfigKeys.TOKENIZER, "t").set(ConfigKeys.MAX_LENGTH, 4096)
                .set(ConfigKeys.MODE, WriteMode.OVERWRITE).set(ConfigKeys.INPUT, List.of("a.jsonl", "b.jsonl"))
                .set(ConfigKeys.NOW, java.time.LocalDateTime.of(2026, 1, 31, 12, 0)).load();
        JobConfig text = new JobConfigLoader().set("tokenizer", "t").set("max-length", "4096").set("mode", "overwrite")
                .set("input", "a.jsonl").set("input", "b.jsonl").set("now", "2026-01-31T12:00").load();
        assertEquals(text, typed);
        assertEquals(text.toTree(), typed.toTree());
    }

    @Test
    void readmeHoldsTheRegistrysTable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String start = "<!-- config-keys: generated from ConfigKeys; `chatprep run --help-keys` prints it -->\n";
        int from = readme.indexOf(start);
        assertTrue(from >= 0, "README.md lacks the marker " + start);
        int to = readme.indexOf("\n\n", from + start.length());
        String shown = readme.substring(from + start.length(), to + 1);
        assertEquals(ConfigKeys.markdownTable(), shown, "README's key table is out of date; replace it with the "
                + "output of 'chatprep run --help-keys'");
    }

    @Test
    void namesResolveInEitherSpelling() {
        assertNotNull(ConfigKeys.named("max-length"));
        assertEquals(ConfigKeys.MAX_LENGTH, ConfigKeys.named("max_length"));
        assertEquals(null, ConfigKeys.named("max_lenght"));
    }
}
