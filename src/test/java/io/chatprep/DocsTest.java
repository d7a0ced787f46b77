package io.chatprep;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README.md stays short enough to read through and keeps the commands others copy from it (.ci/run runs its test
 * command); every page under docs/ is reachable from it, and every relative link in README.md and docs/*.md
 * reaches an existing file, and the heading it names, if any.
 */
class DocsTest {
    private static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("docs");
    private static final int README_MAX_CHARS = 25_000;
    /** An inline link or image: {@code [text](target)}, optionally with a title. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]\\n]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** A fenced code block: what it holds is code, not links or headings. */
    private static final Pattern FENCE = Pattern.compile("(?ms)^[ ]{0,3}(```|~~~).*?^[ ]{0,3}\\1[^\\n]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?!`).+?(?<!`)\\1(?!`)", Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("(?m)^[ ]{0,3}#{1,6}[ \\t]+(.*?)[ \\t#]*$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    @Test
    void readmeFitsItsBudget() throws IOException {
        int chars = Files.readString(README).length();
        assertTrue(chars <= README_MAX_CHARS, "README.md has " + chars + " characters, more than " + README_MAX_CHARS
                + ": move the detail to a page under docs/ and link it");
    }

    @Test
    void readmeGivesTheExampleAndTheTestCommandOnLinesOfTheirOwn() throws IOException {
        String readme = Files.readString(README);
        List<String> lines = readme.lines().map(String::strip).toList();
        assertTrue(lines.contains("scripts/chatprep run --config conf/example.yaml"), "README.md lacks the example run");
        assertTrue(lines.contains("mvn -B test"), "README.md lacks the test command .ci/run runs");
        assertTrue(readme.contains("mvn -B test -Pquick"), "README.md lacks the quick loop");
        assertTrue(readme.contains("scripts/selftest"), "README.md lacks the scripts' self-tests");
    }

    @Test
    void everyDocsPageIsLinkedFromTheReadme() throws IOException {
        Set<Path> linked = new HashSet<>();
        for (String target : links(README)) {
            if (!SCHEME.matcher(target).find()) {
                linked.add(README.toAbsolutePath().getParent().resolve(target.split("#", 2)[0]).normalize());
            }
        }
        List<Path> unlinked = docsPages().stream().map(p -> p.toAbsolutePath().normalize())
                .filter(p -> !linked.contains(p)).toList();
        assertEquals(List.of(), unlinked, "pages under docs/ that README.md does not link to");
    }

    @Test
    void everyRelativeLinkReachesAFileAndItsHeading() throws IOException {
        List<Path> pages = new ArrayList<>(docsPages());
        pages.add(0, README);
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            for (String target : links(page)) {
                if (SCHEME.matcher(target).find()) {
                    continue;
                }
                checked++;
                String[] parts = target.split("#", 2);
                Path file = parts[0].isEmpty() ? page
                        : page.toAbsolutePath().getParent().resolve(parts[0]).normalize();
                if (!Files.exists(file)) {
                    broken.add(page + ": " + target + " (no such file)");
                } else if (parts.length == 2 && file.toString().endsWith(".md")
                        && !anchors.computeIfAbsent(file, DocsTest::anchors).contains(parts[1])) {
                    broken.add(page + ": " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken, "broken links");
        assertTrue(checked >= pages.size(), "only " + checked + " relative links found in " + pages.size() + " pages");
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    @Test
    void anchorsAreTheOnesGithubMakes() throws IOException {
        Path page = Files.createTempFile("docs-test", ".md");
        try {
            Files.writeString(page, "# The Qwen / Llama 3 split pattern by hand\n## `chatprep status`\n"
                    + "```\n# not a heading\n```\n## Limits\n## Limits\n### Prompt–completion rows\n");
            assertEquals(Set.of("the-qwen--llama-3-split-pattern-by-hand", "chatprep-status", "limits", "limits-1",
                    "promptcompletion-rows"), anchors(page));
        } finally {
            Files.delete(page);
        }
    }

    private static List<Path> docsPages() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static List<String> links(Path page) throws IOException {
        String text = CODE_SPAN.matcher(FENCE.matcher(Files.readString(page)).replaceAll("")).replaceAll("code");
        List<String> targets = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            targets.add(m.group(1));
        }
        return targets;
    }

    private static Set<String> anchors(Path page) {
        String text;
        try {
            text = FENCE.matcher(Files.readString(page)).replaceAll("");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = HEADING.matcher(text);
        while (m.find()) {
            StringBuilder slug = new StringBuilder();
            m.group(1).toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
                if (c == ' ') {
                    slug.append('-');
                } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                    slug.appendCodePoint(c);
                }
            });
            int repeat = seen.merge(slug.toString(), 1, Integer::sum) - 1;
            anchors.add(repeat == 0 ? slug.toString() : slug + "-" + repeat);
        }
        return anchors;
    }
}
