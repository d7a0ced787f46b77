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

    private static List<String> names(List<String> paths, Path root) {
        String prefix = "file:" + root + "/";
        return paths.stream().map(p -> p.startsWith(prefix) ? p.substring(prefix.length()) : p).toList();
    }

    private InputReader.InputFiles resolve(String... inputs) {
        return InputReader.resolve(List.of(inputs), InputFormat.AUTO, new Configuration());
    }

    @Test
    void hiddenFilesAreSkippedInDirectoriesAndListedButReadWhenNamed() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String name : List.of("a.jsonl", "_b.jsonl", ".c.jsonl", "_SUCCESS", "sub/d.jsonl", "sub/.d.jsonl.swp")) {
            Files.createDirectories(data.resolve(name).getParent());
            Files.writeString(data.resolve(name), "{}\n");
        }
        InputReader.InputFiles all = resolve(data.toString());
        assertEquals(List.of("a.jsonl", "sub/d.jsonl"), names(all.jsonl(), data));
        assertEquals(List.of(".c.jsonl", "_SUCCESS", "_b.jsonl", "sub/.d.jsonl.swp"), names(all.skipped(), data));
        assertTrue(all.skippedSummary().startsWith("skipped 4 hidden file(s) in input directories (names starting "
                + "with '.' or '_'; name one as an input to read it): file:" + data + "/.c.jsonl, "), all.skippedSummary());
        assertEquals(4, all.skippedRecord().get("count"));

        // Named explicitly, a hidden file is read; a glob skips hidden matches unless its own name asks for them.
        assertEquals(List.of("_b.jsonl"), names(resolve(data.resolve("_b.jsonl").toString()).jsonl(), data));
        InputReader.InputFiles glob = resolve(data.resolve("*.jsonl").toString());
        assertEquals(List.of("a.jsonl"), names(glob.jsonl(), data));
        assertEquals(List.of(".c.jsonl", "_b.jsonl"), names(glob.skipped(), data));
        assertEquals(List.of("_b.jsonl"), names(resolve(data.resolve("_*.jsonl").toString()).jsonl(), data));

        Path onlyHidden = Files.createDirectories(dir.resolve("only-hidden"));
        Files.writeString(onlyHidden.resolve("_part.jsonl"), "{}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> resolve(onlyHidden.toString()));
        assertEquals("'input' " + onlyHidden + " matches no files (only hidden ones, which are skipped unless named: file:"
                + onlyHidden + "/_part.jsonl)", e.getMessage());
    }

    @Test
    void aDirectoryWhoseNameLooksLikeAGlobIsReadAsNamed() throws Exception {
        Path weird = Files.createDirectories(dir.resolve("we ird[1]"));
        Files.writeString(weird.resolve("x.jsonl"), "{}\n");
        Files.createDirectories(dir.resolve("we ird1"));
        Files.writeString(dir.resolve("we ird1").resolve("y.jsonl"), "{}\n");
        assertEquals(List.of("file:" + weird + "/x.jsonl"), resolve(weird.toString()).jsonl());
        // Where no such path exists, the name is a glob as before: [1] matches the character 1.
        assertEquals(List.of("file:" + dir + "/we ird1/y.jsonl"), resolve(dir.resolve("we ird[0-1]").toString()).jsonl());
    }
}
