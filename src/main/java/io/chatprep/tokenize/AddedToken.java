package io.chatprep.tokenize;

/**
 * One entry of tokenizer.json's {@code added_tokens}, with the flags that decide where tokenizers-rs
 * finds it in a text. {@code special} only matters when special tokens are encoded as plain text
 * ({@code split_special_tokens}), which chat-template tokenization never does, so matching ignores it.
 */
public record AddedToken(int id, String content, boolean special, boolean normalized,
                         boolean lstrip, boolean rstrip, boolean singleWord) {
}
