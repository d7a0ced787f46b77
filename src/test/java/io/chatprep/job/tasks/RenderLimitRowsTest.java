package io.chatprep.job.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatprep.encode.EncoderOptions;
import io.chatprep.encode.EncoderSpec;
import io.chatprep.encode.RowRejectedException;
import io.chatprep.job.config.JobConfigLoader;
import io.chatprep.job.config.MaxLengthPolicy;
import io.chatprep.job.input.RowConverter;
import io.chatprep.job.input.SourceRow;
import io.chatprep.mask.MaskPolicy;
import io.chatprep.tokenize.TokenGoldens;
import io.chatprep.tokenize.TokenizerFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One hostile row among good ones, through the job's per-row path (no Spark): the row whose render passes a
 * limit is quarantined at stage render with a reason naming the limit, and the good rows of the same partition
 * are still encoded and written.
 */
class RenderLimitRowsTest {
    /** ChatML with generation markers; a message with a {@code repeat} field makes the template hoard memory. */
    private static final String TEMPLATE = "{% set ns = namespace(l=[]) %}{% for m in messages %}"
            + "{% for i in range(m.repeat | default(0)) %}{% set ns.l = ns.l + [m.content * 7000000] %}{% endfor %}"
            + "{{ '<|im_start|>' + m.role + '\\n' }}{% if m.role == 'assistant' %}{% generation %}{{ m.content }}"
            + "<|im_end|>{% endgeneration %}{% else %}{{ m.content }}<|im_end|>{% endif %}{{ '\\n' }}{% endfor %}";

    @Test
    void theHostileRowIsQuarantinedAndTheGoodRowsAreWritten() throws Exception {
        EncoderSpec spec = new EncoderSpec(TEMPLATE, TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("qwen3")),
                new EncoderOptions(MaskPolicy.ASSISTANT, TokenGoldens.FIXED_NOW, Map.of()));
        RowConverter converter = new RowConverter(new JobConfigLoader().set("tokenizer", "unused").load());
        PartitionEncoder partition = new PartitionEncoder(null, EncoderFactory.conversationEncoder(), converter, null,
                new LengthLimit(null, MaxLengthPolicy.DROP), null, null);
        List<String> lines = List.of(
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"content\": \"Hello\"}]}",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"x\", \"repeat\": 1000}, "
                        + "{\"role\": \"assistant\", \"content\": \"y\"}]}",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Bye\"}, {\"role\": \"assistant\", \"content\": \"Ok\"}]}");
        try (RowEncoder encoder = EncoderFactory.conversationEncoder().open(spec)) {
            EncodedRecord[] records = new EncodedRecord[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                records[i] = partition.encodeOne(encoder, new SourceRow("rows.jsonl", i, lines.get(i), null));
            }
            assertEquals(Outcome.WRITTEN, records[0].outcome());
            assertEquals(Outcome.QUARANTINED, records[1].outcome());
            assertEquals("render", records[1].stage());
            assertTrue(records[1].reason().startsWith(RowRejectedException.RENDER_LIMIT
                    + "render memory limit of 256 MB exceeded"), records[1].reason());
            assertEquals(lines.get(1), records[1].raw());
            assertEquals(Outcome.WRITTEN, records[2].outcome());
        }
    }
}
