package io.chatprep.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The template packages are layers, read from jdeps on the compiled classes: each package uses only packages below
 * it, so there is no package cycle, and Jinjava is reached from the adapter package alone. The public API sits on
 * top, the Jinjava adapter under it uses the engine, and the engine never uses either. Their source files stay
 * small enough to read.
 */
class EngineBoundaryTest {
    /** From the bottom: the value model, the render's state, the name libraries, expressions, ... the API. */
    private static final List<String> LAYERS = List.of("py", "runtime", "lib.filter", "lib.test", "lib.fn", "expr",
            "tree", "parse", "lib.tag", "engine", "jinjava", "");
    private static final String TEMPLATE = "io.chatprep.template";
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");

    @Test
    void templatePackagesUseOnlyTheLayersBelowThem() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String[] edge : packageDependencies()) {
            if (!edge[0].startsWith(TEMPLATE) || !edge[1].startsWith(TEMPLATE)) {
                continue;
            }
            int from = layer(edge[0]);
            int to = layer(edge[1]);
            assertTrue(from >= 0, () -> edge[0] + " is in no layer: place it in EngineBoundaryTest.LAYERS");
            if (to >= from) {
                wrong.add(edge[0] + " -> " + edge[1]);
            }
        }
        assertEquals(List.of(), wrong, "template packages using a package at or above their own layer");
    }

    @Test
    void onlyTheAdapterUsesJinjava() throws Exception {
        List<String> users = new ArrayList<>();
        for (String[] edge : packageDependencies()) {
            if (edge[1].startsWith("com.hubspot.jinjava") && !users.contains(edge[0])) {
                users.add(edge[0]);
            }
        }
        assertEquals(List.of(TEMPLATE + ".jinjava"), users);
    }

    @Test
    void templateSourceFilesStayUnderFiveHundredLines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/chatprep/template"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                long lines = Files.readAllLines(f).size();
                if (lines > 500) {
                    tooLong.add(f + " (" + lines + " lines)");
                }
            }
        }
        assertEquals(List.of(), tooLong);
    }

    private static int layer(String pkg) {
        String name = pkg.equals(TEMPLATE) ? "" : pkg.substring(TEMPLATE.length() + 1);
        return LAYERS.indexOf(name);
    }

    /** (from, to) package pairs of chatprep's main classes, as jdeps reports them. */
    private static List<String[]> packageDependencies() throws Exception {
        Path classes = Path.of(ChatTemplate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package", "-e",
                "io\\.chatprep.*|com\\.hubspot.*", classes.toString());
        assertEquals(0, status, "jdeps failed on " + classes);
        List<String[]> edges = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                edges.add(new String[] {m.group(1), m.group(2)});
            }
        }
        assertTrue(edges.size() > 20, "jdeps reported too few dependencies to check: " + out);
        return edges;
    }
}
