package io.chatprep.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test against transformers: every chat template over every conversation of varied.jsonl renders
 * the same text and the same generation spans, or fails where transformers fails.
 */
class RenderGoldenTest {
    static List<RenderGoldens.Case> cases() throws IOException {
        return RenderGoldens.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersLikeTransformers(RenderGoldens.Case c) {
        if (c.expectedError() != null) {
            assertThrows(TemplateException.class, () -> c.template().render(c.request()),
                    "transformers raises: " + c.expectedError());
            return;
        }
        RenderedChat out = c.template().render(c.request());
        assertEquals(c.expectedText(), out.text());
        assertArrayEquals(c.expectedSpans(), out.generationSpans(), "generation spans");
    }
}
