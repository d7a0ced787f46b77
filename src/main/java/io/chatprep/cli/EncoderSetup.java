package io.chatprep.cli;

import io.chatprep.catalog.TemplateCatalog;
import io.chatprep.catalog.TemplateResolution;
import io.chatprep.catalog.TemplateResolver;
import io.chatprep.encode.ConversationEncoder;
import io.chatprep.encode.EncoderOptions;
import io.chatprep.encode.EncoderSpec;
import io.chatprep.mask.MaskPolicy;
import io.chatprep.template.ChatTemplate;
import io.chatprep.template.TemplateException;
import io.chatprep.tokenize.TokenizerFiles;
import io.chatprep.verify.MarkedTemplateGate;
import io.chatprep.vision.ImageProcessorFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * The options {@code tokenize} and {@code inspect} share: tokenizer, template, mask policy, pinned time, and the
 * image processor that makes image rows come out as the model's processor makes them.
 */
final class EncoderSetup {
    static final Set<String> OPTIONS = Set.of("tokenizer", "chat-template", "mask", "now", "derive-masks",
            "image-processor");
    static final Set<String> FLAGS = Set.of("derive-masks");

    private EncoderSetup() {
    }

    /** Opens an encoder; says on stderr which template was chosen and why. */
    static ConversationEncoder open(Args args) {
        // Option mistakes first, before the slow tokenizer load.
        MaskPolicy policy = parsePolicy(args.get("mask", MaskPolicy.ASSISTANT.cliName()));
        EncoderOptions options = new EncoderOptions(policy, parseNow(args.get("now")), Map.of());
        Path dir = Path.of(args.require("tokenizer"));
        TokenizerFiles files = TokenizerFiles.fromDirectory(dir);
        ImageProcessorFiles images = imageProcessor(args.get("image-processor"), dir);
        TemplateResolution template = chooseTemplate(args.get("chat-template", "auto"), files, args.flag("derive-masks"));
        ConversationEncoder encoder;
        try {
            encoder = ConversationEncoder.open(new EncoderSpec(template.source(), files,
                    options.withDeriveMasks(template.derivesMasks()), images));
        } catch (IllegalArgumentException e) {
            if (images == null) {
                throw e;
            }
            throw new UsageException("--image-processor: " + e.getMessage());
        }
        if (images != null) {
            System.err.println("chatprep: images: " + encoder.imageProcessor().description());
        }
        return encoder;
    }

    /** {@code --image-processor DIR}, or {@code auto}: the processor configuration in the tokenizer's directory. */
    static ImageProcessorFiles imageProcessor(String choice, Path tokenizerDir) {
        if (choice == null) {
            return null;
        }
        Path dir = choice.equals("auto") ? tokenizerDir : Path.of(choice);
        if (choice.equals("auto") && !ImageProcessorFiles.present(dir)) {
            throw new UsageException("--image-processor auto: the tokenizer directory " + dir + " holds no "
                    + ImageProcessorFiles.PREPROCESSOR_CONFIG + "; give the image processor's directory");
        }
        try {
            return ImageProcessorFiles.fromDirectory(dir);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--image-processor " + choice + ": " + e.getMessage());
        }
    }

    /**
     * {@code --chat-template auto} (or absent) lets the resolver choose from the tokenizer's default template; the
     * name of one of the tokenizer's templates ({@code tool_use}) lets it choose from that one; a path names a file.
     */
    static TemplateResolution chooseTemplate(String choice, TokenizerFiles files, boolean deriveMasks) {
        String explicit = null;
        String own = TemplateResolver.tokenizerTemplate(files);
        if (TemplateResolver.namesTokenizerTemplate(files, choice)) {
            own = TemplateResolver.namedTemplate(files, choice);
        } else if (!choice.equals("auto")) {
            Path path = Path.of(choice);
            try {
                explicit = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException("--chat-template " + choice + ": cannot read the file (" + e.getMessage() + ")");
            }
        }
        TemplateResolution resolution = TemplateResolver.forTokenizer(TemplateCatalog.bundled(), files)
                .resolve(explicit, choice, own, deriveMasks);
        System.err.println("chatprep: template: " + resolution.explanation());
        MarkedTemplateGate.problem(resolution, files).ifPresent(problem -> {
            throw new UsageException(problem);
        });
        try {
            ChatTemplate.compile(resolution.source(), templateName(choice, files));
        } catch (TemplateException e) {
            throw new UsageException(e.getMessage());
        }
        return resolution;
    }

    /** How the commands name their template in messages: as {@code --chat-template} gave it, or as chosen. */
    static String templateName(String choice, TokenizerFiles files) {
        return choice.equals("auto") ? "the chat template chosen for tokenizer " + files.origin()
                : "--chat-template " + choice;
    }

    private static MaskPolicy parsePolicy(String text) {
        try {
            return MaskPolicy.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--mask: " + e.getMessage());
        }
    }

    /** {@code --now 2025-06-01T12:00:00} or a bare date (midnight) pins {@code strftime_now}. */
    static LocalDateTime parseNow(String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new UsageException("--now " + text + ": expected an ISO date or date-time such as 2025-06-01T12:00:00");
        }
    }
}
