package io.chatprep.encode;

import io.chatprep.mask.MaskPolicy;
import io.chatprep.template.RenderLimits;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * How rows are encoded.
 *
 * @param now            pins {@code strftime_now}; null means the real time
 * @param templateKwargs extra template variables for every row (a row's own {@code chat_template_kwargs} win)
 * @param deriveMasks    assistant spans come from prefix rendering, not {@code {% generation %}} markers
 *                       (for templates without markers; rows where the template is not prefix-stable are rejected)
 * @param reuseSegments  encode the pieces between added tokens once and reuse their tokens across rows
 *                       (same ids and offsets as encoding each text whole; see {@code SegmentEncoder})
 * @param javaBpe        with reuse on, encode those pieces in Java for byte-level BPE tokenizers (same ids and
 *                       offsets as the native tokenizer; see {@code JavaBpeEncoder})
 * @param renderLimits   what one render may take (time, memory, output); a row past one is rejected at render
 */
public record EncoderOptions(MaskPolicy maskPolicy, LocalDateTime now, Map<String, Object> templateKwargs,
                             boolean deriveMasks, boolean reuseSegments, boolean javaBpe, RenderLimits renderLimits)
        implements Serializable {
    public EncoderOptions(MaskPolicy maskPolicy, LocalDateTime now, Map<String, Object> templateKwargs,
                          boolean deriveMasks, boolean reuseSegments) {
        this(maskPolicy, now, templateKwargs, deriveMasks, reuseSegments, true, RenderLimits.DEFAULT);
    }

    public EncoderOptions(MaskPolicy maskPolicy, LocalDateTime now, Map<String, Object> templateKwargs,
                          boolean deriveMasks) {
        this(maskPolicy, now, templateKwargs, deriveMasks, true);
    }

    public EncoderOptions(MaskPolicy maskPolicy, LocalDateTime now, Map<String, Object> templateKwargs) {
        this(maskPolicy, now, templateKwargs, false);
    }

    public EncoderOptions withDeriveMasks(boolean derive) {
        return new EncoderOptions(maskPolicy, now, templateKwargs, derive, reuseSegments, javaBpe, renderLimits);
    }

    public EncoderOptions withReuseSegments(boolean reuse) {
        return new EncoderOptions(maskPolicy, now, templateKwargs, deriveMasks, reuse, javaBpe, renderLimits);
    }

    public EncoderOptions withJavaBpe(boolean java) {
        return new EncoderOptions(maskPolicy, now, templateKwargs, deriveMasks, reuseSegments, java, renderLimits);
    }

    public EncoderOptions withRenderLimits(RenderLimits limits) {
        return new EncoderOptions(maskPolicy, now, templateKwargs, deriveMasks, reuseSegments, javaBpe, limits);
    }

    public static EncoderOptions defaults() {
        return new EncoderOptions(MaskPolicy.ASSISTANT, null, Map.of());
    }
}
