package io.chatprep.encode;

import io.chatprep.mask.MaskPolicy;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * How rows are encoded.
 *
 * @param now            pins {@code strftime_now}; null means the real time
 * @param templateKwargs extra template variables for every row (a row's own {@code chat_template_kwargs} win)
 */
public record EncoderOptions(MaskPolicy maskPolicy, LocalDateTime now, Map<String, Object> templateKwargs)
        implements Serializable {
    public static EncoderOptions defaults() {
        return new EncoderOptions(MaskPolicy.ASSISTANT, null, Map.of());
    }
}
