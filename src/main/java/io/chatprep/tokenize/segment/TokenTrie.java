package io.chatprep.tokenize.segment;

import java.util.Arrays;
import java.util.List;

/**
 * Leftmost-longest matching of a fixed set of strings, as the aho-corasick automaton of tokenizers-rs does
 * with {@code MatchKind::LeftmostLongest}: the match that starts first wins, and among those the longest.
 * Matching UTF-16 units is equivalent to matching UTF-8 bytes here, since a pattern made of whole
 * characters can only start and end on character boundaries in either encoding.
 *
 * <p>Nodes live in flat arrays (children sorted by character, binary-searched) so a lookup allocates nothing.
 */
final class TokenTrie {
    private static final int[] NONE = new int[0];

    /** Bit set over the first UTF-16 unit of every pattern: most text positions are rejected by one lookup. */
    private final long[] firstUnits = new long[1024];
    private char[][] keys = new char[16][];
    private int[][] children = new int[16][];
    private int[] terminal = new int[16];
    private int size;

    /** {@code patterns.get(i)} is reported as pattern {@code i}; empty patterns never match. */
    TokenTrie(List<String> patterns) {
        newNode();
        for (int p = 0; p < patterns.size(); p++) {
            String pattern = patterns.get(p);
            if (pattern.isEmpty()) {
                continue;
            }
            int node = 0;
            for (int i = 0; i < pattern.length(); i++) {
                node = childOrAdd(node, pattern.charAt(i));
            }
            if (terminal[node] < 0) {
                terminal[node] = p;
            }
            char first = pattern.charAt(0);
            firstUnits[first >>> 6] |= 1L << first;
        }
    }

    boolean isEmpty() {
        return size == 1;
    }

    /**
     * The first match starting at or after {@code from} and ending by {@code end}: returns its start and stores
     * the pattern index and the match end in {@code found[0]} and {@code found[1]}; -1 when there is none.
     */
    int find(CharSequence text, int from, int end, int[] found) {
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if ((firstUnits[c >>> 6] & (1L << c)) == 0) {
                continue;
            }
            int node = 0;
            int bestPattern = -1;
            int bestEnd = -1;
            for (int j = i; j < end; j++) {
                node = child(node, text.charAt(j));
                if (node < 0) {
                    break;
                }
                if (terminal[node] >= 0) {
                    bestPattern = terminal[node];
                    bestEnd = j + 1;
                }
            }
            if (bestPattern >= 0) {
                found[0] = bestPattern;
                found[1] = bestEnd;
                return i;
            }
        }
        return -1;
    }

    private int child(int node, char c) {
        char[] k = keys[node];
        int at = Arrays.binarySearch(k, 0, k.length, c);
        return at < 0 ? -1 : children[node][at];
    }

    private int childOrAdd(int node, char c) {
        char[] k = keys[node];
        int at = Arrays.binarySearch(k, c);
        if (at >= 0) {
            return children[node][at];
        }
        int insert = -at - 1;
        int created = newNode();
        char[] nk = new char[k.length + 1];
        int[] nc = new int[k.length + 1];
        System.arraycopy(k, 0, nk, 0, insert);
        System.arraycopy(children[node], 0, nc, 0, insert);
        nk[insert] = c;
        nc[insert] = created;
        System.arraycopy(k, insert, nk, insert + 1, k.length - insert);
        System.arraycopy(children[node], insert, nc, insert + 1, k.length - insert);
        keys[node] = nk;
        children[node] = nc;
        return created;
    }

    private int newNode() {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            children = Arrays.copyOf(children, size * 2);
            terminal = Arrays.copyOf(terminal, size * 2);
        }
        keys[size] = new char[0];
        children[size] = NONE;
        terminal[size] = -1;
        return size++;
    }
}
