package io.chatprep.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The compiled-template contract: reuse across threads, pinned clock, limits validation. */
class ChatTemplateTest {
    private static final String TEMPLATE = "{% for m in messages %}{% set ns = namespace(n=loop.index) %}"
            + "{{ m.role }}:{% generation %}{{ m.content }}{{ ns.n }}{% endgeneration %}{{ '\\n' }}{% endfor %}"
            + "{{ strftime_now('%Y') }}";

    @Test
    void oneCompiledTemplateRendersConcurrentlyWithIsolatedState() throws Exception {
        ChatTemplate template = ChatTemplate.compile(TEMPLATE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RenderedChat>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String content = "c" + i + "😀";
                futures.add(pool.submit(() -> template.render(RenderRequest.ofContext(
                        Map.of("messages", List.of(Map.of("role", "user", "content", content),
                                Map.of("role", "assistant", "content", content))),
                        LocalDateTime.of(2031, 1, 1, 0, 0)))));
            }
            for (int i = 0; i < futures.size(); i++) {
                RenderedChat out = futures.get(i).get();
                String c = "c" + i + "😀";
                assertEquals("user:" + c + "1\nassistant:" + c + "2\n2031", out.text());
                int len = c.codePointCount(0, c.length()) + 1;
                int userStart = 5;
                int asstStart = 5 + len + 1 + "assistant:".length();
                assertArrayEquals(new int[][] {{userStart, userStart + len}, {asstStart, asstStart + len}},
                        out.generationSpans());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void builderPassesVariablesLikeTransformers() {
        RenderRequest request = RenderRequest.builder()
                .messages(List.of(Map.of("role", "user", "content", "hi")))
                .specialTokens(Map.of("bos_token", "<s>"))
                .extra("enable_thinking", false)
                .addGenerationPrompt(true)
                .build();
        String out = ChatTemplate.compile("{{ bos_token }}{{ messages[0].content }}|{{ tools }}|{{ documents }}|"
                + "{{ add_generation_prompt }}|{{ enable_thinking }}|{{ other is defined }}").render(request).text();
        assertEquals("<s>hi|None|None|True|False|False", out);
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> RenderLimits.DEFAULT.withMaxOutputChars(0));
        assertThrows(IllegalArgumentException.class, () -> RenderLimits.DEFAULT.withTimeBudget(Duration.ZERO));
    }

    /**
     * Whitespace control that removes newlines before a statement does not move the statement: Jinja2 (3.1.6,
     * trim_blocks and lstrip_blocks) names lines 2, 3 and 2 for these failures.
     */
    @Test
    void errorsNameTheLineJinjaNamesAfterWhitespaceControl() {
        RenderRequest empty = RenderRequest.ofContext(Map.of(), null);
        TemplateException inSet = assertThrows(TemplateException.class, () -> ChatTemplate.compile(
                "{%- if true %}\n  {%- set x = 1 / 0 %}\n{%- endif %}").render(empty));
        assertEquals("ZeroDivisionError: division by zero (template line 2)", inSet.getMessage());
        TemplateException inHeader = assertThrows(TemplateException.class,
                () -> ChatTemplate.compile("a\n\n  {%- if x ! %}{% endif %}"));
        assertEquals("unexpected char '!' (template line 3)", inHeader.getMessage());
        TemplateException inPrint = assertThrows(TemplateException.class,
                () -> ChatTemplate.compile("{{ 1 }}\n  {{- 1 / 0 }}").render(empty));
        assertEquals("ZeroDivisionError: division by zero (template line 2)", inPrint.getMessage());
    }

    @Test
    void trailingNewlineOfTheSourceIsDroppedAsJinjaDoes() {
        RenderRequest empty = RenderRequest.ofContext(Map.of(), null);
        assertEquals("a\nb", ChatTemplate.compile("a\nb\n").render(empty).text());
        assertEquals("a\nb\n", ChatTemplate.compile("a\r\nb\n\n").render(empty).text());
    }
}
