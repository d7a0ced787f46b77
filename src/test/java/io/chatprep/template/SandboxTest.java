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

/** Every refusal and limit of the sandbox: the render aborts with the right kind and a message naming it. */
class SandboxTest {
    private static final RenderLimits DEFAULT = RenderLimits.DEFAULT;

    private static TemplateException fails(String template, RenderLimits limits, Map<String, Object> ctx) {
        return assertThrows(TemplateException.class,
                () -> ChatTemplate.compile(template, limits).render(RenderRequest.ofContext(ctx, null)));
    }

    private static TemplateException fails(String template, RenderLimits limits) {
        return fails(template, limits, messages());
    }

    private static Map<String, Object> messages() {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("role", "user");
        msg.put("content", "{{ 7 * 7 }}{% for x in range(3) %}x{% endfor %}");
        List<Object> list = new ArrayList<>();
        list.add(msg);
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("messages", list);
        return ctx;
    }

    private static void assertMessage(TemplateException e, Kind kind, String fragment) {
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    @Test
    void listMutationIsRefusedLikeImmutableSandbox() {
        Map<String, Object> ctx = messages();
        TemplateException e = fails("{{ messages.append(1) }}", DEFAULT, ctx);
        assertMessage(e, Kind.SECURITY, "access to attribute 'append' of 'list' object is unsafe");
        assertEquals(1, ((List<?>) ctx.get("messages")).size());
    }

    @Test
    void dictMutationIsRefused() {
        Map<String, Object> ctx = messages();
        TemplateException e = fails("{% set m = messages[0] %}{{ m.update({'role': 'x'}) }}", DEFAULT, ctx);
        assertMessage(e, Kind.SECURITY, "access to attribute 'update' of 'dict' object is unsafe");
        assertEquals("user", ((Map<?, ?>) ((List<?>) ctx.get("messages")).get(0)).get("role"));
    }

    @Test
    void javaMethodsAreNotReachable() {
        assertMessage(fails("{{ 'abc'.getClass() }}", DEFAULT), Kind.RUNTIME, "getClass");
        assertMessage(fails("{{ messages.size() }}", DEFAULT), Kind.RUNTIME, "size");
        assertMessage(fails("{{ 'a'.repeat(5) }}", DEFAULT), Kind.RUNTIME, "repeat");
    }

    @Test
    void templateLoadingTagsAreDisabled() {
        for (String tag : List.of("include 'x.jinja'", "import 'x.jinja' as x", "from 'x.jinja' import y",
                "extends 'base.jinja'")) {
            TemplateException e = assertThrows(TemplateException.class, () -> ChatTemplate.compile("{% " + tag + " %}"));
            assertMessage(e, Kind.SECURITY, "tag is disabled");
        }
    }

    @Test
    void jsonParsingFiltersDoNotExist() {
        TemplateException e = assertThrows(TemplateException.class, () -> ChatTemplate.compile("{{ '{}' | fromjson }}"));
        assertMessage(e, Kind.SYNTAX, "No filter named 'fromjson'");
    }

    @Test
    void messageContentIsNeverInterpretedAsTemplate() {
        String out = ChatTemplate.compile("{{ messages[0].content }}").render(RenderRequest.ofContext(messages(), null))
                .text();
        assertEquals("{{ 7 * 7 }}{% for x in range(3) %}x{% endfor %}", out);
    }

    @Test
    void outputSizeIsCapped() {
        TemplateException e = fails("{% for i in range(100) %}0123456789{% endfor %}",
                DEFAULT.withMaxOutputChars(500));
        assertMessage(e, Kind.LIMIT, "output size limit of 500 characters exceeded");
    }

    @Test
    void loopIterationsAreCapped() {
        TemplateException e = fails("{% for i in range(10) %}{% for j in range(10) %}{% endfor %}{% endfor %}",
                DEFAULT.withMaxLoopIterations(50));
        assertMessage(e, Kind.LIMIT, "loop iteration limit of 50 exceeded");
    }

    @Test
    void stringGrowthIsCapped() {
        assertMessage(fails("{{ 'ab' * 1000 }}", DEFAULT.withMaxStringChars(100)), Kind.LIMIT, "limit of 100");
        assertMessage(fails("{% set ns = namespace(s='x') %}{% for i in range(20) %}{% set ns.s = ns.s ~ ns.s %}"
                + "{% endfor %}", DEFAULT.withMaxStringChars(1000)), Kind.LIMIT,
                "string size limit of 1000 characters exceeded");
    }

    @Test
    void macroRecursionIsCapped() {
        TemplateException e = fails("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
                DEFAULT.withMaxMacroDepth(20));
        assertMessage(e, Kind.LIMIT, "macro recursion depth limit of 20 exceeded in 'f'");
    }

    @Test
    void recursiveMacrosWorkBelowTheCap() {
        String out = ChatTemplate.compile("{% macro f(n) %}{{ n }}{% if n > 0 %}{{ f(n - 1) }}{% endif %}{% endmacro %}"
                + "{{ f(3) }}").render(RenderRequest.ofContext(Map.of(), null)).text();
        assertEquals("3210", out);
    }

    @Test
    void rangeIsCappedLikeJinjaSandbox() {
        assertMessage(fails("{{ range(200000) | length }}", DEFAULT), Kind.LIMIT,
                "Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).");
    }

    @Test
    void wallClockBudgetIsEnforced() {
        TemplateException e = fails("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
                DEFAULT.withMaxLoopIterations(Long.MAX_VALUE).withTimeBudget(Duration.ofMillis(200)));
        assertMessage(e, Kind.LIMIT, "render time budget of 200 ms exceeded");
    }

    @Test
    void raiseExceptionAbortsWithTheTemplatesMessage() {
        TemplateException e = fails("partial output{{ raise_exception('Conversation roles must alternate') }}",
                DEFAULT);
        assertEquals(Kind.RAISED, e.kind());
        assertEquals("Conversation roles must alternate", e.getMessage());
    }

    @Test
    void syntaxErrorsNameTheTemplateLine() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> ChatTemplate.compile("line one\n{% if x %}\nline three\n{% endfor %}"));
        assertMessage(e, Kind.SYNTAX, "template line 4");
    }
}
