package io.chatprep.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.catalog.GenerationMarkers;
import io.chatprep.catalog.TemplateCatalog;
import io.chatprep.catalog.TemplateResolution;
import io.chatprep.catalog.TemplateResolutionException;
import io.chatprep.catalog.TemplateResolver;
import io.chatprep.encode.ConversationEncoder;
import io.chatprep.encode.EncoderOptions;
import io.chatprep.encode.EncoderSpec;
import io.chatprep.encode.RowJson;
import io.chatprep.job.config.ConfigException;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.input.ImageProcessorSource;
import io.chatprep.job.layout.ImageColumns;
import io.chatprep.job.input.TokenizerSource;
import io.chatprep.template.ChatTemplate;
import io.chatprep.template.TemplateException;
import io.chatprep.tokenize.TokenizerFiles;
import io.chatprep.vision.ImageProcessorFiles;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the driver prepares before any row is read: the tokenizer files, the chosen template and the
 * encoder spec to broadcast. Failing here (bad path, template without markers) costs no Spark work.
 */
public final class JobPlan {
    private final JobConfig config;
    private final TokenizerSource tokenizer;
    private final String templateSource;
    private final String templateExplanation;
    private final String templateOrigin;
    private final EncoderSpec spec;

    private JobPlan(JobConfig config, TokenizerSource tokenizer, TemplateResolution resolution,
                    ImageProcessorFiles images) {
        this.config = config;
        this.tokenizer = tokenizer;
        this.templateSource = resolution.source();
        this.templateOrigin = resolution.origin().name();
        this.templateExplanation = resolution.explanation();
        this.spec = new EncoderSpec(templateSource, tokenizer.files(),
                new EncoderOptions(config.maskPolicy(), config.now(), pythonValues(config.templateKwargs()))
                        .withDeriveMasks(resolution.derivesMasks())
                        .withReuseSegments(config.reuseSegments())
                        .withJavaBpe(config.javaBpe())
                        .withRenderLimits(config.renderLimits()), images);
    }

    public static JobPlan prepare(JobConfig config, Configuration hadoop) {
        return prepare(config, hadoop, files -> { });
    }

    /** As {@link #prepare(JobConfig, Configuration)}, telling {@code tokenizerRead} the tokenizer files once read. */
    public static JobPlan prepare(JobConfig config, Configuration hadoop, Consumer<TokenizerFiles> tokenizerRead) {
        TokenizerSource tokenizer = TokenizerSource.read(config.tokenizer(), hadoop);
        tokenizerRead.accept(tokenizer.files());
        boolean named = TemplateResolver.namesTokenizerTemplate(tokenizer.files(), config.chatTemplate());
        String explicit = config.chatTemplate().equals("auto") || named ? null
                : TokenizerSource.readText(config.chatTemplate(), hadoop, "chat_template");
        String own = named ? TemplateResolver.namedTemplate(tokenizer.files(), config.chatTemplate()) : tokenizer.ownTemplate();
        TemplateResolution resolution;
        try {
            resolution = TemplateResolver.forTokenizer(TemplateCatalog.bundled(), tokenizer.files())
                    .resolve(explicit, config.chatTemplate(), own, config.deriveMasks());
        } catch (TemplateResolutionException e) {
            throw new ConfigException("'chat_template' " + config.chatTemplate() + ": " + e.getMessage(), e);
        }
        if (!GenerationMarkers.present(resolution.source()) && !resolution.derivesMasks()) {
            throw new ConfigException("'chat_template' " + config.chatTemplate() + " has no {% generation %} markers, "
                    + "so no token would be trained; use a training template with markers (see 'chatprep templates'), "
                    + "or set derive_masks: true to derive assistant spans by prefix rendering");
        }
        try {
            ChatTemplate.compile(resolution.source(), explicit != null ? "'chat_template' " + config.chatTemplate()
                    : "the chat template chosen for tokenizer " + config.tokenizer());
        } catch (TemplateException e) {
            // Every task would fail compiling it (on a cluster, each after its retries).
            throw new ConfigException(e.getMessage(), e);
        }
        ImageProcessorFiles images = ImageProcessorSource.read(config.imageProcessor(), config.tokenizer(),
                tokenizer.files(), hadoop);
        return new JobPlan(config, tokenizer, resolution, images);
    }

    /** YAML values (Integer, LinkedHashMap, ...) to the Python value model templates expect. */
    private static Map<String, Object> pythonValues(Map<String, Object> yaml) {
        if (yaml == null || yaml.isEmpty()) {
            return Map.of();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) RowJson.parse(new ObjectMapper().writeValueAsString(yaml));
            return new LinkedHashMap<>(m);
        } catch (IOException e) {
            throw new ConfigException("'template_kwargs' cannot be converted: " + e.getMessage());
        }
    }

    public static String sha256(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public JobConfig config() {
        return config;
    }

    public EncoderSpec spec() {
        return spec;
    }

    public String templateSource() {
        return templateSource;
    }

    public String templateOrigin() {
        return templateOrigin;
    }

    public String templateExplanation() {
        return templateExplanation;
    }

    /** How rows will be tokenized, for the run output and manifest (see {@code reuse_segments}, {@code java_bpe}). */
    public String encodingExplanation() {
        return ConversationEncoder.describeTokenization(spec);
    }

    public String templateSha256() {
        return sha256(templateSource.getBytes(StandardCharsets.UTF_8));
    }

    public TokenizerSource tokenizer() {
        return tokenizer;
    }

    /** The data files' image columns: none without an image processor, grids only for processors that have them. */
    public ImageColumns imageColumns() {
        if (spec.imageProcessor() == null) {
            return ImageColumns.NONE;
        }
        return ImageProcessorSource.processor(spec.imageProcessor(), tokenizer.files()).hasGrid()
                ? ImageColumns.IMAGES_AND_GRIDS : ImageColumns.IMAGES;
    }

    /** One line on the image processor for run output, or null without one. */
    public String imageExplanation() {
        return spec.imageProcessor() == null ? null
                : ImageProcessorSource.processor(spec.imageProcessor(), tokenizer.files()).description()
                + " (" + spec.imageProcessor().origin() + ")";
    }

    /** sha256 of each tokenizer file present, by file name. */
    public Map<String, String> tokenizerSha256() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tokenizer.json", sha256(tokenizer.files().tokenizerJson()));
        if (tokenizer.files().tokenizerConfigJson() != null) {
            m.put("tokenizer_config.json", sha256(tokenizer.files().tokenizerConfigJson()));
        }
        if (tokenizer.files().specialTokensMapJson() != null) {
            m.put("special_tokens_map.json", sha256(tokenizer.files().specialTokensMapJson()));
        }
        if (tokenizer.files().chatTemplateJinja() != null) {
            m.put("chat_template.jinja", sha256(tokenizer.files().chatTemplateJinja().getBytes(StandardCharsets.UTF_8)));
        }
        return m;
    }
}
