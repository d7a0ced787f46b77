package io.chatprep.job.input;

import io.chatprep.job.config.ConfigException;
import io.chatprep.job.config.InputFormat;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Row ids without an id column: the file below the directory all inputs share, and the row's position. */
class InputFilesTest {
    private static InputReader.InputFiles files(List<String> jsonl, List<String> parquet) {
        return new InputReader.InputFiles(jsonl, parquet, 0);
    }

    @Test
    void theSharedDirectoryIsWholeDirectoriesOnly() {
        assertEquals("file:/data/chats/", files(List.of("file:/data/chats/a.jsonl", "file:/data/chats/b.jsonl"),
                List.of()).commonDirectory());
        // "file:/data/chats-2/" and "file:/data/chats/" share "file:/data/chats", which is no directory of both.
        assertEquals("file:/data/", files(List.of("file:/data/chats/a.jsonl"),
                List.of("file:/data/chats-2/b.parquet")).commonDirectory());
        assertEquals("s3a://bucket/x/", files(List.of("s3a://bucket/x/one.jsonl"), List.of()).commonDirectory());
        assertEquals("", files(List.of(), List.of()).commonDirectory());
    }

    @Test
    void idsNameTheFileBelowTheSharedDirectoryOrByItsName() {
        SourceRow nested = new SourceRow("file:/data/chats/2024/a.jsonl", 1234, "{}", null);
        assertEquals("2024/a.jsonl:1234", nested.derivedId("file:/data/chats/"));
        assertEquals("a.jsonl:1234", nested.derivedId("file:/data/chats/2024/"));
        assertEquals("a.jsonl:1234", nested.derivedId(null));
        assertEquals("a.jsonl:1234", nested.derivedId("s3a://elsewhere/"));
    }

    @TempDir
    Path dir;

    @Test
    void aJsonArrayFileIsRefusedBeforeAnythingRuns() throws Exception {
        Path ok = dir.resolve("ok");
        Files.createDirectories(ok);
        Files.writeString(ok.resolve("a.jsonl"), "\n\n{\"messages\": []}\n");
        Files.write(ok.resolve("b.jsonl"), ("\uFEFF{\"messages\": []}\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(2, InputReader.resolve(List.of(ok.toString()), InputFormat.AUTO, new Configuration()).count());

        Path array = dir.resolve("array");
        Files.createDirectories(array);
        Files.write(array.resolve("chats.json"), "\uFEFF  \r\n[\n  {\"messages\": []}\n]\n".getBytes(StandardCharsets.UTF_8));
        ConfigException e = assertThrows(ConfigException.class,
                () -> InputReader.resolve(List.of(array.toString()), InputFormat.AUTO, new Configuration()));
        assertTrue(e.getMessage().startsWith("'input' file:" + array.resolve("chats.json") + " holds a JSON array"),
                e.getMessage());
    }
}
