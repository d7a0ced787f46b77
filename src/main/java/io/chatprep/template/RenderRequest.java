package io.chatprep.template;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables one render sees. Values use the Python value model of {@code io.chatprep.template.py}:
 * {@code Map} (ordered dict), {@code List}, {@code String}, {@code Long}/{@code BigInteger} (int),
 * {@code Double} (float), {@code Boolean}, {@code PyNone.NONE} (None); a key that is absent is Undefined.
 */
public final class RenderRequest {
    private final Map<String, Object> context;
    private final LocalDateTime now;

    private RenderRequest(Map<String, Object> context, LocalDateTime now) {
        this.context = Collections.unmodifiableMap(context);
        this.now = now;
    }

    /** The context taken as is: nothing is added, a variable it does not hold is Undefined. */
    public static RenderRequest ofContext(Map<String, Object> context, LocalDateTime now) {
        return new RenderRequest(new LinkedHashMap<>(context), now);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, Object> context() {
        return context;
    }

    /** The instant {@code strftime_now} formats; null means the real local time at render. */
    public LocalDateTime now() {
        return now;
    }

    /** Builds the variables exactly as transformers' {@code apply_chat_template} passes them. */
    public static final class Builder {
        private List<?> messages = List.of();
        private Object tools = io.chatprep.template.py.PyNone.NONE;
        private Object documents = io.chatprep.template.py.PyNone.NONE;
        private boolean addGenerationPrompt;
        private final Map<String, Object> specialTokens = new LinkedHashMap<>();
        private final Map<String, Object> extra = new LinkedHashMap<>();
        private LocalDateTime now;

        public Builder messages(List<?> messages) {
            this.messages = messages;
            return this;
        }

        /** Tool schemas; null means no tools (the template sees None). */
        public Builder tools(List<?> tools) {
            this.tools = tools == null ? io.chatprep.template.py.PyNone.NONE : tools;
            return this;
        }

        public Builder documents(List<?> documents) {
            this.documents = documents == null ? io.chatprep.template.py.PyNone.NONE : documents;
            return this;
        }

        public Builder addGenerationPrompt(boolean addGenerationPrompt) {
            this.addGenerationPrompt = addGenerationPrompt;
            return this;
        }

        public Builder specialTokens(Map<String, ?> tokens) {
            specialTokens.putAll(tokens);
            return this;
        }

        /** An extra keyword variable such as {@code enable_thinking}; later values win. */
        public Builder extra(String name, Object value) {
            extra.put(name, value);
            return this;
        }

        public Builder extras(Map<String, ?> values) {
            extra.putAll(values);
            return this;
        }

        public Builder now(LocalDateTime now) {
            this.now = now;
            return this;
        }

        public RenderRequest build() {
            // Same precedence as transformers: special tokens, then keyword arguments over them.
            Map<String, Object> ctx = new LinkedHashMap<>(specialTokens);
            ctx.putAll(extra);
            ctx.put("messages", messages);
            ctx.put("tools", tools);
            ctx.put("documents", documents);
            ctx.put("add_generation_prompt", addGenerationPrompt);
            return new RenderRequest(ctx, now);
        }
    }
}
