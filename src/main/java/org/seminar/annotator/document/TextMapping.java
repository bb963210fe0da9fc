package org.seminar.annotator.document;

/**
 * Where each position of an old text went in a new one, from a character diff (common prefix and
 * suffix, then the longest common subsequence of what is left, when that is small enough; beyond,
 * the changed middle is mapped proportionally). Pure: used to carry annotations, emphasis and
 * footnote markers through a correction.
 */
public final class TextMapping {

    /** Cells of the LCS table at most (the changed middles' lengths multiplied). */
    static final long MAX_CELLS = 6_000_000L;

    private final int[] map; // old offset (0..n) -> new offset
    private final boolean[] kept; // old char i survived unchanged

    private TextMapping(int[] map, boolean[] kept) {
        this.map = map;
        this.kept = kept;
    }

    public static TextMapping between(String old, String now) {
        int n = old.length();
        int m = now.length();
        int prefix = 0;
        while (prefix < n && prefix < m && old.charAt(prefix) == now.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix && old.charAt(n - 1 - suffix) == now.charAt(m - 1 - suffix)) {
            suffix++;
        }
        int[] map = new int[n + 1];
        boolean[] kept = new boolean[n];
        for (int i = 0; i < prefix; i++) {
            map[i] = i;
            kept[i] = true;
        }
        int a = n - prefix - suffix;
        int b = m - prefix - suffix;
        if (a > 0 && b > 0 && (long) a * b <= MAX_CELLS) {
            int[][] lcs = new int[a + 1][b + 1];
            for (int i = a - 1; i >= 0; i--) {
                for (int j = b - 1; j >= 0; j--) {
                    lcs[i][j] = old.charAt(prefix + i) == now.charAt(prefix + j) ? lcs[i + 1][j + 1] + 1
                            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < a) {
                if (j < b && old.charAt(prefix + i) == now.charAt(prefix + j)) {
                    map[prefix + i] = prefix + j;
                    kept[prefix + i] = true;
                    i++;
                    j++;
                } else if (j < b && lcs[i][j + 1] >= lcs[i + 1][j]) {
                    j++;
                } else {
                    map[prefix + i] = prefix + j; // deleted: where the text around it now is
                    i++;
                }
            }
        } else {
            for (int i = 0; i < a; i++) {
                map[prefix + i] = prefix + (int) ((long) i * b / Math.max(1, a));
            }
        }
        for (int i = 0; i <= suffix; i++) {
            map[n - suffix + i] = m - suffix + i;
            if (i < suffix) {
                kept[n - suffix + i] = true;
            }
        }
        return new TextMapping(map, kept);
    }

    /** Where an old offset is now. */
    public int map(int oldOffset) {
        return map[Math.max(0, Math.min(oldOffset, map.length - 1))];
    }

    /** Where an old range's end is now (after the last character of the range that survived, when the end was deleted). */
    public int mapEnd(int oldStart, int oldEnd) {
        for (int i = oldEnd - 1; i >= oldStart; i--) {
            if (kept[i]) {
                return map[i] + 1;
            }
        }
        return map(oldEnd);
    }
}
