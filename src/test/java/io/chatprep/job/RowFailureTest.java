package io.chatprep.job;

import io.chatprep.encode.EncodedRow;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.config.MaxLengthPolicy;
import io.chatprep.job.tasks.EncodedRecord;
import io.chatprep.job.tasks.LengthLimit;
import io.chatprep.job.tasks.Outcome;
import io.chatprep.job.tasks.PartitionEncoder;
import io.chatprep.job.tasks.RowEncoder;
import io.chatprep.job.input.RowConverter;
import io.chatprep.job.input.SourceRow;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A row whose encoding exhausts the heap is quarantined; the rows around it are encoded as usual. */
class RowFailureTest {
    @Test
    void aRowThatRunsOutOfMemoryIsQuarantinedAndTheNextOneEncoded() {
        JobConfig config = JobTestSupport.config(Path.of("in.jsonl"), Path.of("out"), Path.of("tok"));
        PartitionEncoder partition = new PartitionEncoder(null, null, new RowConverter(config), null,
                new LengthLimit(null, MaxLengthPolicy.DROP), null, null);
        RowEncoder characters = CharacterEncoder.factory().open(null);
        RowEncoder hungry = new RowEncoder() {
            @Override
            public EncodedRow encode(Map<String, Object> row) throws io.chatprep.encode.RowRejectedException {
                if (String.valueOf(row).contains("huge")) {
                    List<long[]> held = new java.util.ArrayList<>();
                    while (true) {
                        held.add(new long[64 * 1024 * 1024]);
                    }
                }
                return characters.encode(row);
            }

            @Override
            public void close() {
            }
        };
        String huge = "{\"messages\": [{\"role\": \"user\", \"content\": \"huge\"}, {\"role\": \"assistant\", \"content\": \"x\"}]}";
        String fine = "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\", \"content\": \"yo\"}]}";
        EncodedRecord rejected = partition.encodeOne(hungry, new SourceRow("in.jsonl", 0, huge, null));
        EncodedRecord written = partition.encodeOne(hungry, new SourceRow("in.jsonl", 100, fine, null));
        assertEquals(Outcome.QUARANTINED, rejected.outcome());
        assertEquals("encode", rejected.stage());
        assertTrue(rejected.reason().startsWith("ran out of memory while encoding this row"), rejected.reason());
        assertEquals(huge, rejected.raw());
        assertEquals(Outcome.WRITTEN, written.outcome());
    }
}
