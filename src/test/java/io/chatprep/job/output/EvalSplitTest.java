package io.chatprep.job.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The held-out rows are the ones Python's hashlib picks by the documented rule (make_split_goldens.py). */
class EvalSplitTest {
    static JsonNode golden() throws Exception {
        return new ObjectMapper().readTree(Path.of("src/test/resources/golden/job/eval_split.json").toFile());
    }

    @Test
    void positionsAndHeldOutRowsEqualPythons() throws Exception {
        JsonNode g = golden();
        double share = g.path("share").asDouble();
        List<String> heldOut = new ArrayList<>();
        for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) g.path("positions")::fields) {
            assertEquals(e.getValue().asDouble(), EvalSplit.position(e.getKey()), e.getKey());
            if (EvalSplit.isHeldOut(e.getKey(), share)) {
                heldOut.add(e.getKey());
            }
        }
        List<String> expected = new ArrayList<>();
        g.path("held_out").forEach(n -> expected.add(n.asText()));
        assertEquals(expected, heldOut);
    }

    @Test
    void noShareHoldsOutNothing() throws Exception {
        for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) golden().path("positions")::fields) {
            assertFalse(EvalSplit.isHeldOut(e.getKey(), 0));
        }
    }
}
