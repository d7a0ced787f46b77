package io.chatprep.job.output;

import io.chatprep.job.tasks.EncodedRecord;
import io.chatprep.job.tasks.Outcome;
import io.chatprep.job.tasks.RowKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PackerTest {
    private static EncodedRecord row(String id, int length) {
        return new EncodedRecord(new RowKey("f", id.hashCode()), id, Outcome.WRITTEN, null, null, null,
                new int[length], new int[length], new byte[length], length, length, false);
    }

    private static List<List<String>> ids(List<List<EncodedRecord>> packs) {
        List<List<String>> out = new ArrayList<>();
        for (List<EncodedRecord> p : packs) {
            out.add(p.stream().map(EncodedRecord::id).toList());
        }
        return out;
    }

    @Test
    void bestFitDecreasingFillsTheTightestPack() {
        // Sorted: a7 b5 c4 d3 e1 -> a7 opens [3 left]; b5 opens [5 left]; c4 fits b (5) -> 1 left;
        // d3 fits a (3) exactly; e1 fits b (1) exactly.
        List<List<EncodedRecord>> packs = new Packer(10).pack(List.of(row("c", 4), row("e", 1), row("a", 7),
                row("d", 3), row("b", 5)));
        assertEquals(List.of(List.of("a", "d"), List.of("b", "c", "e")), ids(packs));
    }

    @Test
    void rowsLongerThanAPackGetOneAloneAndTiesKeepInputOrder() {
        List<List<EncodedRecord>> packs = new Packer(4).pack(List.of(row("x", 2), row("long", 9), row("y", 2),
                row("z", 2)));
        assertEquals(List.of(List.of("long"), List.of("x", "y"), List.of("z")), ids(packs));
    }
}
