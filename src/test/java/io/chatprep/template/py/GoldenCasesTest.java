package io.chatprep.template.py;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The golden replay itself must fail on a wrong answer, a wrong type or a missing exception. */
class GoldenCasesTest {
    private static GoldenCases.Case parse(String json) throws Exception {
        return new GoldenCases.Case(1, new ObjectMapper().readTree(json));
    }

    @Test
    void detectsWrongValueTypeAndException() throws Exception {
        GoldenCases.Case value = parse("{\"kind\":\"x\",\"in\":{},\"out\":{\"type\":\"float\",\"repr\":\"1.0\"}}");
        GoldenCases.check(value, c -> 1.0);
        assertThrows(AssertionFailedError.class, () -> GoldenCases.check(value, c -> 1L));
        assertThrows(AssertionFailedError.class, () -> GoldenCases.check(value, c -> 2.0));
        assertThrows(AssertionFailedError.class, () -> GoldenCases.check(value, c -> {
            throw PyException.typeError("boom");
        }));
        GoldenCases.Case error = parse("{\"kind\":\"x\",\"in\":{},\"error\":{\"type\":\"TypeError\",\"msg\":\"boom\"}}");
        GoldenCases.check(error, c -> {
            throw PyException.typeError("boom");
        });
        assertThrows(AssertionFailedError.class, () -> GoldenCases.check(error, c -> 1L));
        assertThrows(AssertionFailedError.class, () -> GoldenCases.check(error, c -> {
            throw PyException.typeError("other");
        }));
        assertTrue(GoldenCases.load("values.jsonl").size() > 1000);
    }
}
