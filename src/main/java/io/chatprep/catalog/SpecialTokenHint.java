package io.chatprep.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.tokenize.TokenizerFiles;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * For a tokenizer without a chat template: the bundled family whose template's special tokens the tokenizer
 * defines (e.g. GPT-OSS's harmony tokens), so the refusal can name the training template to pass.
 */
final class SpecialTokenHint {
    /** A family is named only when the tokenizer defines at least this share of its template's special tokens. */
    private static final double MIN_COVERAGE = 0.75;

    private SpecialTokenHint() {
    }

    static Optional<TemplateFamily> familyFor(TemplateCatalog catalog, Set<String> addedTokens) {
        if (addedTokens.isEmpty()) {
            return Optional.empty();
        }
        TemplateFamily best = null;
        double bestCoverage = 0;
        int bestMatched = 0;
        for (TemplateFamily f : catalog.families()) {
            Set<String> wanted = TemplateSimilarity.specials(f.originalSource());
            if (wanted.isEmpty()) {
                continue;
            }
            int matched = (int) wanted.stream().filter(addedTokens::contains).count();
            double coverage = (double) matched / wanted.size();
            // The family whose tokens are all there wins; among equals, the one that uses more of them.
            if (coverage > bestCoverage || coverage == bestCoverage && matched > bestMatched) {
                best = f;
                bestCoverage = coverage;
                bestMatched = matched;
            }
        }
        return bestCoverage >= MIN_COVERAGE && bestMatched >= 2 ? Optional.of(best) : Optional.empty();
    }

    /** The added tokens of tokenizer.json and tokenizer_config.json's added_tokens_decoder (empty when unreadable). */
    static Set<String> addedTokens(TokenizerFiles files) {
        Set<String> out = new HashSet<>();
        readTokenizerJson(files.tokenizerJson(), out);
        try {
            if (files.tokenizerConfigJson() != null) {
                JsonNode decoder = new ObjectMapper().readTree(files.tokenizerConfigJson()).path("added_tokens_decoder");
                decoder.forEach(t -> {
                    if (t.path("content").isTextual()) {
                        out.add(t.get("content").asText());
                    }
                });
            }
        } catch (IOException e) {
            // Only a hint for an error message: a config that cannot be read gives none.
        }
        return out;
    }

    /** Streams past the vocabulary: only the top-level added_tokens list is read. */
    private static void readTokenizerJson(byte[] json, Set<String> out) {
        if (json == null) {
            return;
        }
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                p.nextToken();
                if (!"added_tokens".equals(field)) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.getCurrentName();
                        p.nextToken();
                        if ("content".equals(key) && p.currentToken() == JsonToken.VALUE_STRING) {
                            out.add(p.getText());
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                return;
            }
        } catch (IOException e) {
            // As above: no hint.
        }
    }
}
