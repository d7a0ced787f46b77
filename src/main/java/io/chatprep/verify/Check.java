package io.chatprep.verify;

/** The rules a training template must satisfy. */
public enum Check {
    TEXT("a", "text identical to the original (or its documented as-generated deviation)"),
    SPANS("b", "every assistant turn trained from where the generation prompt ends; nothing outside assistant turns"),
    EOT("c", "the end-of-turn token is trained and ends the trained part"),
    PREFIX("d", "a conversation cut after an assistant turn is a text and token prefix of the whole"),
    EMPTY("e", "no conversation with assistant turns yields an all-zero mask");

    private final String letter;
    private final String description;

    Check(String letter, String description) {
        this.letter = letter;
        this.description = description;
    }

    public String letter() {
        return letter;
    }

    public String description() {
        return description;
    }
}
