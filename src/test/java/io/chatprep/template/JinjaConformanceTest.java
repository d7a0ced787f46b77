package io.chatprep.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of the Jinja2 conformance suite: identical output, or an error where Jinja2 raises one. */
class JinjaConformanceTest {
    static List<ConformanceCases.Case> interpreter() throws IOException {
        return ConformanceCases.load("/conformance/jinja/interpreter.jsonl");
    }

    static List<ConformanceCases.Case> chatTemplates() throws IOException {
        return ConformanceCases.load("/conformance/jinja/chat_templates.jsonl");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpreter")
    void interpreterCase(ConformanceCases.Case c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chatTemplates")
    void chatTemplateCase(ConformanceCases.Case c) {
        check(c);
    }

    private static void check(ConformanceCases.Case c) {
        RenderRequest request = RenderRequest.ofContext(c.context(), c.now());
        if (c.expectedError() != null) {
            assertThrows(TemplateException.class, () -> ChatTemplate.compile(c.template()).render(request),
                    "Jinja2 raises: " + c.expectedError());
        } else {
            assertEquals(c.expected(), ChatTemplate.compile(c.template()).render(request).text());
        }
    }
}
