package io.chatprep.encode;

import io.chatprep.mask.MaskPolicy;
import io.chatprep.template.ChatTemplate;
import io.chatprep.tokenize.TokenGoldens;
import io.chatprep.tokenize.TokenizerFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Templates and conversations the token goldens were made from (same choice as make_token_goldens.py). */
final class EncoderFixtures {
    static final Path CONVERSATIONS = TokenGoldens.RESOURCES.resolve("conversations");

    /** tokenizer folder -> {template family, marked test template}. */
    static final Map<String, String[]> TEMPLATES = Map.of(
            "qwen3", new String[] {"qwen3", "chatml_marked.jinja"},
            "llama3_1", new String[] {"llama3_1", "llama3_marked.jinja"},
            "gemma3", new String[] {"gemma3", "gemma_marked.jinja"},
            "gptoss", new String[] {"gptoss", "harmony_marked.jinja"},
            "deepseek_v3", new String[] {"deepseekv3", "deepseek_marked.jinja"},
            "llama2", new String[] {"llama2", "llama2_marked.jinja"},
            "yi", new String[] {"chatml", "chatml_marked.jinja"});

    private EncoderFixtures() {
    }

    static Path templateFor(String tokenizer) {
        String[] choice = TEMPLATES.get(tokenizer);
        Path training = Path.of("templates", choice[0] + "_training.jinja");
        return Files.exists(training) ? training : TokenGoldens.RESOURCES.resolve("templates").resolve(choice[1]);
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConversationEncoder open(String tokenizer, Path template, MaskPolicy policy) {
        return ConversationEncoder.open(new EncoderSpec(read(template),
                TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir(tokenizer)),
                new EncoderOptions(policy, TokenGoldens.FIXED_NOW, Map.of())));
    }

    static ConversationEncoder open(String tokenizer, MaskPolicy policy) {
        return open(tokenizer, templateFor(tokenizer), policy);
    }

    /** Rows of varied.jsonl then real_sample.jsonl, in golden order. */
    static List<Map<String, Object>> rows(String... files) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String file : files.length == 0 ? new String[] {"varied.jsonl", "real_sample.jsonl"} : files) {
            for (String line : read(CONVERSATIONS.resolve(file)).split("\n")) {
                if (!line.isBlank()) {
                    try {
                        rows.add(RowJson.parseRow(line));
                    } catch (IOException e) {
                        throw new UncheckedIOException(file, e);
                    }
                }
            }
        }
        return rows;
    }

    /** Whether the template engine can render yet (it is built separately). */
    static boolean engineRenders() {
        try {
            ChatTemplate.compile("{{ 1 }}");
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
