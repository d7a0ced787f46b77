package io.chatprep.job.input;
import io.chatprep.encode.RowJson;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Row JSON reads what Python's json reads: strings and keys of any length, integers up to Python's 4300 digits; the
 * nesting limit is stated with its number. (Python facts: json.loads takes a 4300-digit integer and refuses 4301
 * digits; its recursion limit stops nesting near 1000 levels.)
 */
class RowJsonLimitsTest {
    private static String row(String content) {
        return "{\"messages\": [{\"role\": \"user\", \"content\": \"" + content + "\"}]}";
    }

    @Test
    void aStringLongerThanTwentyMillionCharactersParses() throws IOException {
        String big = "x".repeat(21_000_000);
        Map<?, ?> parsed = (Map<?, ?>) RowJson.parse(row(big));
        assertEquals(big.length(), ((String) ((Map<?, ?>) ((List<?>) parsed.get("messages")).get(0)).get("content")).length());
    }

    @Test
    void longKeysAndIntegersUpToPythonsLimitParse() throws IOException {
        String key = "k".repeat(60_000);
        assertEquals(Map.of(key, 1L), RowJson.parse("{\"" + key + "\": 1}"));
        String digits = "7".repeat(4300);
        assertEquals(new BigInteger("-" + digits), RowJson.parse("-" + digits));
        IOException e = assertThrows(IOException.class, () -> RowJson.parse("[" + digits + "1]"));
        assertEquals("invalid JSON: an integer of 4301 digits; Python's json refuses integers over 4300 digits (its int "
                + "conversion limit)", e.getMessage());
    }

    @Test
    void nestingStopsAtAThousandLevelsWithAReasonThatSaysSo() throws IOException {
        int depth = 0;
        for (Object v = RowJson.parse("[".repeat(1000) + "]".repeat(1000)); v instanceof List<?> l;
             v = l.isEmpty() ? null : l.get(0)) {
            depth++;
        }
        assertEquals(1000, depth);
        IOException e = assertThrows(IOException.class, () -> RowJson.parse("[".repeat(1001) + "]".repeat(1001)));
        assertEquals("invalid JSON: nested deeper than 1000 levels, the most chatprep reads (Python's json stops near "
                + "the same depth)", e.getMessage());
    }
}
