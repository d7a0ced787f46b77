package io.chatprep.template.py;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Single-thread throughput of the operations templates lean on, for {@code scripts/bench/python-semantics}:
 * {@code PyBenchmark ROW_JSON SECONDS} prints one {@code name ops_per_second} line per operation. The same
 * operations run in Python in scripts/bench/python_semantics.py on the same row.
 */
public final class PyBenchmark {
    private PyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: PyBenchmark ROW_JSON SECONDS");
            System.exit(2);
        }
        Map<?, ?> row = (Map<?, ?>) PyJson.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        double seconds = Double.parseDouble(args[1]);
        Object tools = row.get("tools");
        List<?> messages = (List<?>) row.get("messages");
        String content = PyStr.str(((Map<?, ?>) messages.get(messages.size() - 1)).get("content"));
        Random random = new Random(7);
        double[] floats = new double[1024];
        double[] shortFloats = new double[1024];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = random.nextDouble() * Math.pow(10, random.nextInt(12) - 4);
            shortFloats[i] = random.nextInt(100000) / 100.0;
        }
        List<Object> people = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("name", "user" + random.nextInt(1000));
            person.put("age", (long) random.nextInt(90));
            people.add(person);
        }
        int[] next = {0};
        Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
        cases.put("tojson_tools", () -> PyJson.dumps(tools));
        cases.put("tojson_tools_indent4", () -> PyJson.dumps(tools, 4L, null, null, false, false));
        cases.put("repr_messages", () -> PyStr.repr(messages));
        cases.put("float_repr_full", () -> PyFloat.repr(floats[next[0]++ & 1023]));
        cases.put("float_repr_short", () -> PyFloat.repr(shortFloats[next[0]++ & 1023]));
        cases.put("split_think", () -> PyMethods.call(content, "split", List.of("</think>"), Map.of()));
        cases.put("strip_chars", () -> PyMethods.call(content, "strip", List.of("\n "), Map.of()));
        cases.put("startswith_tuple", () -> PyMethods.call(content, "startswith",
                List.of(PyTuple.of("<tool_call>", "{")), Map.of()));
        cases.put("str_format", () -> PyFormat.strFormat("{name:>10} is {age:03d} ({score:.2f})", List.of(),
                Map.of("name", "user", "age", 7L, "score", 0.125)));
        cases.put("percent_format", () -> PyFormat.percent("%s: %5.2f%%", PyTuple.of("rate", 12.345)));
        cases.put("sort_by_attribute", () -> PyFilters.call("sort", people, List.of(), Map.of("attribute", "age,name")));
        for (Map.Entry<String, Supplier<Object>> c : cases.entrySet()) {
            System.out.printf("%s %.0f%n", c.getKey(), measure(c.getValue(), seconds));
        }
    }

    private static double measure(Supplier<Object> operation, double seconds) {
        long warmupEnd = System.nanoTime() + (long) (Math.min(seconds, 1.0) * 1e9);
        int sink = 0;
        while (System.nanoTime() < warmupEnd) {
            sink += operation.get().hashCode() & 1;
        }
        long n = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                sink += operation.get().hashCode() & 1;
            }
            n += 64;
            now = System.nanoTime();
        } while (now < end);
        if (sink == 42) {
            System.err.print("");
        }
        return n / ((now - start) / 1e9);
    }
}
