package io.chatprep.vision;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Where an image reference points. A reference with a scheme ({@code s3a://b/x.png}, {@code file:/x.png}) is taken
 * as is; an absolute path keeps the scheme and authority of the row's input file (URI rules); a relative path is
 * resolved against the input file's directory, with {@code .} and {@code ..} segments folded. {@code file:}
 * locations are given as plain local paths, which PIL opens directly.
 */
public final class ImageLocations {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

    private ImageLocations() {
    }

    public static boolean hasScheme(String ref) {
        return SCHEME.matcher(ref).find();
    }

    static String scheme(String ref) {
        return ref.substring(0, ref.indexOf(':'));
    }

    public static boolean isData(String ref) {
        return ref.startsWith("data:");
    }

    /**
     * @param base the row's input file (a local path or a URI), or null when the row has none
     * @throws ImageException for a relative reference without a base
     */
    public static String resolve(String base, String ref) throws ImageException {
        if (hasScheme(ref)) {
            return local(ref);
        }
        if (base == null) {
            if (ref.startsWith("/")) {
                return ref;
            }
            throw new ImageException("relative image reference '" + ref + "' but the row comes from no file to "
                    + "resolve it against");
        }
        String prefix = "";
        String path = base;
        if (hasScheme(base)) {
            int schemeEnd = base.indexOf(':') + 1;
            int pathStart = schemeEnd;
            if (base.startsWith("//", schemeEnd)) {
                int slash = base.indexOf('/', schemeEnd + 2);
                pathStart = slash < 0 ? base.length() : slash;
            }
            prefix = base.substring(0, pathStart);
            path = base.substring(pathStart);
        }
        String joined = ref.startsWith("/") ? ref : path.substring(0, path.lastIndexOf('/') + 1) + ref;
        return local(prefix + normalize(joined));
    }

    /** {@code file:/x}, {@code file:///x} and {@code file://localhost/x} as the local path {@code /x}. */
    private static String local(String location) {
        if (location.startsWith("file:")) {
            String rest = location.substring(5);
            if (rest.startsWith("//")) {
                int slash = rest.indexOf('/', 2);
                return slash < 0 ? "/" : rest.substring(slash);
            }
            return rest;
        }
        return location;
    }

    private static String normalize(String path) {
        boolean absolute = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else if (!(segment.equals("..") && absolute)) {
                parts.addLast(segment);
            }
        }
        return (absolute ? "/" : "") + String.join("/", parts);
    }
}
