package io.chatprep.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The training templates chatprep ships: {@code templates/<family>.json} metadata beside
 * {@code <family>_training.jinja} and {@code originals/}. Loaded from the jar, or from a directory.
 */
public final class TemplateCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile TemplateCatalog bundled;

    private final List<TemplateFamily> families;

    private TemplateCatalog(List<TemplateFamily> families) {
        List<TemplateFamily> sorted = new ArrayList<>(families);
        sorted.sort(Comparator.comparing(TemplateFamily::name));
        this.families = Collections.unmodifiableList(sorted);
    }

    /** The catalog packaged under {@code templates/} on the classpath (cached: it never changes). */
    public static TemplateCatalog bundled() {
        TemplateCatalog c = bundled;
        if (c == null) {
            synchronized (TemplateCatalog.class) {
                if (bundled == null) {
                    bundled = loadFromClasspath();
                }
                c = bundled;
            }
        }
        return c;
    }

    public static TemplateCatalog fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("template catalog directory not found: " + dir);
        }
        List<TemplateFamily> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path meta : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                found.add(readFamily(meta));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template catalog " + dir + ": " + e.getMessage(), e);
        }
        return new TemplateCatalog(found);
    }

    /** Every {@code templates/} root on the classpath counts: another one (e.g. test resources) may shadow the jar's. */
    private static TemplateCatalog loadFromClasspath() {
        List<TemplateFamily> found = new ArrayList<>();
        try {
            java.util.Enumeration<URL> roots = TemplateCatalog.class.getClassLoader().getResources("templates");
            while (roots.hasMoreElements()) {
                found.addAll(familiesAt(roots.nextElement()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the bundled template catalog: " + e.getMessage(), e);
        }
        return new TemplateCatalog(found);
    }

    private static List<TemplateFamily> familiesAt(URL url) {
        try {
            if ("jar".equals(url.getProtocol())) {
                try (FileSystem fs = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                    return fromDirectory(fs.getPath("/templates")).families;
                }
            }
            return fromDirectory(Path.of(url.toURI())).families;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot open the bundled template catalog at " + url + ": " + e.getMessage(), e);
        }
    }

    private static TemplateFamily readFamily(Path meta) throws IOException {
        JsonNode n;
        try (InputStream in = Files.newInputStream(meta)) {
            n = JSON.readTree(in);
        } catch (IOException e) {
            throw new IOException("bad template metadata " + meta.getFileName() + ": " + e.getMessage(), e);
        }
        Path dir = meta.getParent();
        String name = required(n, "family", meta);
        JsonNode s = n.path("supports");
        List<String> revisions = new ArrayList<>();
        List<String> revisionFiles = new ArrayList<>();
        for (JsonNode r : n.path("revisions")) {
            revisions.add(read(dir, r.asText(), meta));
            revisionFiles.add(r.asText());
        }
        return new TemplateFamily(
                name,
                n.path("display_name").asText(name),
                strings(n.path("source_models")),
                read(dir, required(n, "original", meta), meta),
                read(dir, required(n, "training", meta), meta),
                new TemplateFamily.Support(s.path("tools").asBoolean(), s.path("reasoning").asBoolean(),
                        s.path("multimodal_text").asBoolean(), s.path("system").asBoolean(true)),
                strings(n.path("end_of_turn")),
                n.path("mask_covers").asText(""),
                n.path("deviations").asText("none"),
                n.path("prefix_preserving").asBoolean(),
                n.path("end_of_turn_in_next_message").asBoolean(),
                n.path("text_content_as_parts").asBoolean(),
                n.path("generation_prompt_continues_last_message").asBoolean(),
                n.path("closing_text").asText(""),
                revisions,
                revisionFiles,
                strings(n.path("shape")));
    }

    private static String required(JsonNode n, String field, Path meta) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IOException("template metadata " + meta.getFileName() + " lacks the field '" + field + "'");
        }
        return v.asText();
    }

    private static String read(Path dir, String relative, Path meta) throws IOException {
        Path file = dir.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IOException("template metadata " + meta.getFileName() + " names a missing file: " + relative);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    public List<TemplateFamily> families() {
        return families;
    }

    public Optional<TemplateFamily> family(String name) {
        return families.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
