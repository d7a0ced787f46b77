package io.chatprep.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatprep.template.TemplateException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The memory and time a single render may take: a hostile template fails with a LIMIT error naming the limit,
 * quickly and without exhausting the JVM, while legitimate long renders are not refused.
 */
class RenderLimitsTest {
    private static final String MEMORY = "render memory limit of 256 MB exceeded";

    private static TemplateException fails(String template, RenderLimits limits) {
        return assertThrows(TemplateException.class,
                () -> ChatTemplate.compile(template, limits).render(RenderRequest.ofContext(Map.of(), null)));
    }

    private static void assertLimit(TemplateException e, String fragment) {
        assertEquals(Kind.LIMIT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    @Test
    void thousandsOfLargeStringsHeldInANamespaceAreRefused() {
        // each string is under the per-string cap; together they are 7 GB
        assertLimit(fails("{% set ns = namespace(l=[]) %}{% for i in range(1000) %}"
                + "{% set ns.l = ns.l + ['x' * 7000000] %}{% endfor %}{{ ns.l | length }}", RenderLimits.DEFAULT), MEMORY);
    }

    @Test
    void largeStringsBuiltInsideOneExpressionAreRefused() {
        assertLimit(fails("{{ range(1000) | map('string') | map('center', 7000000) | list | length }}",
                RenderLimits.DEFAULT), MEMORY);
        StringBuilder literal = new StringBuilder("{% set s = 'x' * 7000000 %}{{ [");
        for (int i = 0; i < 60; i++) {
            literal.append(i == 0 ? "" : ", ").append("s ~ '").append(i).append("'");
        }
        assertLimit(fails(literal.append("] | length }}").toString(), RenderLimits.DEFAULT), MEMORY);
    }

    @Test
    void largeValuesHeldByNestedMacroCallsAreRefused() {
        assertLimit(fails("{% macro m(n, big) %}{% if n > 0 %}{{ m(n - 1, 'z' * 7000000) | length }}{% endif %}"
                + "{% endmacro %}{{ m(90, '') }}", RenderLimits.DEFAULT), MEMORY);
    }

    @Test
    void aStringGrownOverManyMessagesIsNotRefused() {
        // 500 messages appended one by one: 500 strings up to 1 M characters are built (about 500 MB in all), but
        // only the last is live; a budget of 16 MB must let it through
        List<Object> messages = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            messages.add(Map.of("role", i % 2 == 0 ? "user" : "assistant", "content", "m".repeat(2000)));
        }
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("messages", messages);
        String template = "{% set ns = namespace(text='') %}{% for m in messages %}"
                + "{% set ns.text = ns.text ~ m.content %}{% endfor %}{{ ns.text }}";
        RenderLimits tight = RenderLimits.DEFAULT.withMaxMemoryBytes(16L << 20);
        String out = ChatTemplate.compile(template, tight).render(RenderRequest.ofContext(ctx, null)).text();
        assertEquals(1_000_000, out.length());
    }

    @Test
    void oneStringHeldManyTimesCountsOnce() {
        String out = ChatTemplate.compile("{% set s = 'x' * 7000000 %}{% set l = [s] * 1000 %}{{ l | length }}")
                .render(RenderRequest.ofContext(Map.of(), null)).text();
        assertEquals("1000", out);
    }

    @Test
    void everyLongBuiltinLooksAtTheClock() {
        // a budget already spent when the builtin starts: nothing else in these renders looks at the clock before
        // the output is written, so only a check inside the builtin can stop them
        RenderLimits spent = RenderLimits.DEFAULT.withTimeBudget(Duration.ofNanos(1));
        String big = "(range(100000) | list)";
        String pairs = "(range(100000) | map('string') | list)";
        for (String expression : List.of(big + " | sort", big + " | join", big + " | map('string') | list",
                big + " | select('odd') | list", big + " | reject('odd') | list", big + " | unique | list",
                big + " | sum", big + " | max", big + " | string", big + " | tojson", big + " == " + big,
                "-1 in " + big, "[1] * 100000", pairs + " | groupby('x') | list", "'-'.join(" + pairs + ")")) {
            assertLimit(fails("{{ " + expression + " }}", spent), "render time budget of 0 ms exceeded");
        }
    }

    @Test
    void sortingMillionsOfItemsStopsAtTheBudget() {
        // 7.9 M items: the sort alone takes several times the budget here
        RenderLimits limits = RenderLimits.DEFAULT.withTimeBudget(Duration.ofSeconds(1));
        long start = System.nanoTime();
        TemplateException e = fails("{{ ((range(100000) | reverse | list) * 79) | sort | length }}", limits);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertLimit(e, "render time budget of 1000 ms exceeded");
        assertTrue(millis < 5000, "stopped after " + millis + " ms");
    }
}
