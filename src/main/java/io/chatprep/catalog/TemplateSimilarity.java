package io.chatprep.catalog;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How alike two chat templates are, to name the closest family when no exact match exists. Role markers and
 * special tokens say most about a family, so they weigh as much as all the remaining lines together.
 */
final class TemplateSimilarity {
    private static final Pattern SPECIAL = Pattern.compile("<[|｜][^<>\\s]{1,48}?[|｜]>|<[a-z_]{2,24}>|\\[/?[A-Z_]{3,24}]");

    private TemplateSimilarity() {
    }

    static double score(String a, String b) {
        return 0.5 * jaccard(specials(a), specials(b)) + 0.5 * jaccard(lines(a), lines(b));
    }

    /** Whitespace-insensitive identity: a re-indented or re-wrapped copy of the same template. */
    static String normalize(String source) {
        return source.replaceAll("\\s+", "");
    }

    static Set<String> specials(String s) {
        Set<String> out = new HashSet<>();
        Matcher m = SPECIAL.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Set<String> lines(String s) {
        Set<String> out = new HashSet<>();
        for (String line : s.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return (double) inter.size() / union.size();
    }
}
