package io.chatprep.tokenize;

import io.chatprep.tokenize.segment.SegmentEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tokenizer whose tokenizer_config.json declares added tokens its tokenizer.json lacks (built, with the expected
 * ids, by scripts/reference/make_added_token_goldens.py from transformers' own loading).
 */
class ConfigAddedTokensTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode GOLDEN = TokenGoldens.json(TokenGoldens.GOLDEN.resolve("config_added_tokens.json"));
    private static final TokenizerFiles FILES = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("config_added_tokens"));

    @Test
    void addedTokensAreTheOnesTransformersRegisters() throws Exception {
        JsonNode loaded = JSON.readTree(new String(FILES.loadedTokenizerJson(), StandardCharsets.UTF_8));
        assertEquals(GOLDEN.get("added_tokens"), loaded.get("added_tokens"));
        // Everything but the added tokens is the file as it was.
        JsonNode raw = JSON.readTree(FILES.tokenizerJson());
        ((com.fasterxml.jackson.databind.node.ObjectNode) raw).remove("added_tokens");
        ((com.fasterxml.jackson.databind.node.ObjectNode) loaded).remove("added_tokens");
        assertEquals(raw, loaded);
    }

    @Test
    void nativeTokenizerEncodesAsTransformers() {
        try (HfTokenizer tokenizer = HfTokenizer.fromFiles(FILES)) {
            for (JsonNode c : GOLDEN.get("cases")) {
                Encoding e = tokenizer.encode(c.get("text").asText());
                assertArrayEquals(ints(c.get("input_ids")), e.ids(), c.get("text").asText());
                assertArrayEquals(offsets(c.get("offsets")), e.offsets(), c.get("text").asText());
            }
        }
    }

    @Test
    void segmentEncodersEncodeAsTransformers() {
        for (boolean javaBpe : new boolean[] {false, true}) {
            try (HfTokenizer tokenizer = HfTokenizer.fromFiles(FILES)) {
                SegmentEncoder encoder = SegmentEncoder.create(tokenizer, FILES, javaBpe);
                for (JsonNode c : GOLDEN.get("cases")) {
                    Encoding e = encoder.encode(c.get("text").asText());
                    assertArrayEquals(ints(c.get("input_ids")), e.ids(), "javaBpe=" + javaBpe + " " + c.get("text").asText());
                }
            }
        }
    }

    @Test
    void configWithNothingMissingLeavesTheFileAlone() {
        byte[] json = "{\"added_tokens\":[{\"id\":0,\"content\":\"<s>\",\"single_word\":false,\"lstrip\":false,\"rstrip\":false,\"normalized\":false,\"special\":true}],\"model\":{\"type\":\"BPE\",\"vocab\":{\"<s>\":0,\"a\":1},\"merges\":[]}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] config = "{\"added_tokens_decoder\":{\"0\":{\"content\":\"<s>\",\"lstrip\":false,\"normalized\":false,\"rstrip\":false,\"single_word\":false,\"special\":true}},\"bos_token\":\"<s>\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertSame(json, ConfigAddedTokens.apply(json, config, null, "test"));
        assertSame(json, ConfigAddedTokens.apply(json, null, null, "test"));
    }

    @Test
    void badDecoderKeyIsNamed() {
        byte[] json = "{\"added_tokens\":[],\"model\":{\"type\":\"BPE\",\"vocab\":{},\"merges\":[]}}".getBytes(StandardCharsets.UTF_8);
        byte[] config = "{\"added_tokens_decoder\":{\"x\":{\"content\":\"<a>\"}}}".getBytes(StandardCharsets.UTF_8);
        TokenizerLoadException e = org.junit.jupiter.api.Assertions.assertThrows(TokenizerLoadException.class,
                () -> ConfigAddedTokens.apply(json, config, null, "dir"));
        assertTrue(e.getMessage().contains("added_tokens_decoder key 'x'"), e.getMessage());
    }

    private static int[] ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asInt()));
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] offsets(JsonNode pairs) {
        List<Integer> out = new ArrayList<>();
        pairs.forEach(p -> {
            out.add(p.get(0).asInt());
            out.add(p.get(1).asInt());
        });
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
