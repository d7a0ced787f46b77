package io.chatprep.job.input;

import io.chatprep.encode.ConversationEncoder;
import io.chatprep.encode.EncoderOptions;
import io.chatprep.encode.EncoderSpec;
import io.chatprep.encode.RowJson;
import io.chatprep.mask.MaskPolicy;
import io.chatprep.tokenize.TokenizerFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input fixtures and what transformers makes of their rows (scripts/reference/make_input_goldens.py): Qwen3
 * tokenizer, the bundled Qwen3 training template.
 */
public final class InputGoldens {
    public static final Path FIXTURES = Path.of("src/test/resources/job/inputs").toAbsolutePath();
    public static final Path ROWS = Path.of("src/test/resources/golden/inputs/rows.jsonl").toAbsolutePath();
    public static final Path TOKENIZER = Path.of("src/test/resources/tokenizers/qwen3").toAbsolutePath();
    public static final Path TEMPLATE = Path.of("templates/qwen3_training.jinja").toAbsolutePath();

    private InputGoldens() {
    }

    /** Golden records of one fixture by key (a row id, or the byte offset of a JSONL line as text). */
    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> of(String fixture) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(ROWS, StandardCharsets.UTF_8)) {
                Map<String, Object> g = (Map<String, Object>) RowJson.parse(line);
                if (fixture.equals(g.get("fixture"))) {
                    out.put(String.valueOf(g.get("key")), g);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no golden rows for " + fixture);
        }
        return out;
    }

    public static int[] ints(Object list) {
        return ((List<?>) list).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
    }

    /** A Parquet file's records as the job's reader turns them into rows (each file's schema, JSON-typed text decoded). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> parquetRows(Path file) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                new org.apache.hadoop.fs.Path(file.toUri())).withConf(new Configuration()).build()) {
            for (Group g; (g = reader.read()) != null; ) {
                rows.add((Map<String, Object>) ParquetValues.decodeJson(ParquetValues.row(g)));
            }
        }
        return rows;
    }

    public static ConversationEncoder encoder() {
        try {
            return ConversationEncoder.open(new EncoderSpec(Files.readString(TEMPLATE, StandardCharsets.UTF_8),
                    TokenizerFiles.fromDirectory(TOKENIZER),
                    new EncoderOptions(MaskPolicy.ASSISTANT, null, Map.of())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
