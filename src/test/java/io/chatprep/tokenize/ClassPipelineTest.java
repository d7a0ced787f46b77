package io.chatprep.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Tokenizers whose tokenizer_config.json names LlamaTokenizer encode as transformers 5's AutoTokenizer does, with
 * the pipeline that class builds rather than tokenizer.json's (golden/tokens/class_pipeline.json, from
 * scripts/reference/make_class_pipeline_goldens.py); DeepSeek-V3's byte-level vocabulary keeps tokenizer.json's.
 */
class ClassPipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TOKENIZERS = Path.of("src/test/resources/tokenizers");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/tokens/class_pipeline.json");

    @TestFactory
    List<DynamicTest> idsAndOffsetsMatchTransformers() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> c : iterable(JSON.readTree(GOLDEN.toFile()))) {
            JsonNode golden = c.getValue();
            tests.add(DynamicTest.dynamicTest(c.getKey(), () -> {
                try (HfTokenizer tokenizer = HfTokenizer.fromFiles(files(golden.get("tokenizer").asText(),
                        golden.get("config")))) {
                    for (JsonNode t : golden.get("texts")) {
                        String text = t.get("text").asText();
                        Encoding e = tokenizer.encode(text);
                        assertArrayEquals(ints(t.get("ids")), e.ids(), c.getKey() + ": ids of " + JSON.writeValueAsString(text));
                        int[] offsets = new int[2 * t.get("offsets").size()];
                        for (int i = 0; i < t.get("offsets").size(); i++) {
                            offsets[2 * i] = t.get("offsets").get(i).get(0).asInt();
                            offsets[2 * i + 1] = t.get("offsets").get(i).get(1).asInt();
                        }
                        assertEquals(Arrays.toString(offsets), Arrays.toString(e.offsets()),
                                c.getKey() + ": offsets of " + JSON.writeValueAsString(text));
                    }
                }
            }));
        }
        return tests;
    }

    @Test
    void otherClassesAndByteLevelVocabulariesKeepTokenizerJson() throws IOException {
        TokenizerFiles qwen = TokenizerFiles.fromDirectory(TOKENIZERS.resolve("qwen3"));
        TokenizerFiles deepseek = TokenizerFiles.fromDirectory(TOKENIZERS.resolve("deepseek_v3"));
        JsonNode llamaClass = JSON.readTree("{\"tokenizer_class\": \"LlamaTokenizerFast\"}");
        assertSame(deepseek.tokenizerJson(), ClassPipeline.apply(deepseek.tokenizerJson(), llamaClass));
        assertSame(qwen.tokenizerJson(), ClassPipeline.apply(qwen.tokenizerJson(),
                JSON.readTree("{\"tokenizer_class\": \"Qwen2Tokenizer\"}")));
        assertSame(qwen.tokenizerJson(), ClassPipeline.apply(qwen.tokenizerJson(), null));
    }

    private static TokenizerFiles files(String folder, JsonNode configChanges) throws IOException {
        TokenizerFiles files = TokenizerFiles.fromDirectory(TOKENIZERS.resolve(folder));
        if (configChanges == null || configChanges.isEmpty()) {
            return files;
        }
        ObjectNode config = (ObjectNode) JSON.readTree(files.tokenizerConfigJson());
        config.setAll((ObjectNode) configChanges);
        return new TokenizerFiles(files.tokenizerJson(), JSON.writeValueAsBytes(config), files.specialTokensMapJson(),
                files.chatTemplateJinja(), folder);
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
