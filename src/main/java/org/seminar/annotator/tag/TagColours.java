package org.seminar.annotator.tag;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a tag's colour can be seen where the reading page draws it (WCAG 2.2 contrast ratios): the underline and the
 * chip's border in the tag's colour on the page's background (non-text contrast, 1.4.11: at least 3:1), and the
 * article's text on the strongest highlight tint of that colour (text contrast, 1.4.3: at least 4.5:1). The page's
 * colours are those of {@code static/app.css} ({@code --paper}, {@code --ink}) and of {@code static/reader/highlights.js}
 * (the tint's opacity); {@code TagColoursTest} keeps them equal. Pure.
 */
public final class TagColours {

    /** The page's background ({@code --paper}). */
    public static final String PAPER = "#fdfcf9";
    /** The article's text ({@code --ink}). */
    public static final String INK = "#1d2329";
    /** Opacity of the strongest highlight tint (several annotations over one passage). */
    public static final double STRONGEST_TINT = 0.32;
    static final double UNDERLINE_MINIMUM = 3.0;
    static final double TEXT_MINIMUM = 4.5;

    private TagColours() {
    }

    /** What is wrong with the colour on the reading page, in words naming the colours and ratios; empty when it can be seen. */
    public static Optional<String> problem(String hex) {
        double underline = contrast(hex, PAPER);
        if (underline < UNDERLINE_MINIMUM) {
            return Optional.of(hex + " is too light to see on the page: its underline has a contrast of " + ratio(underline)
                    + " against the page's background " + PAPER + ", at least 3:1 is needed (WCAG 1.4.11); choose a darker colour");
        }
        String tint = over(hex, STRONGEST_TINT, PAPER);
        double text = contrast(INK, tint);
        if (text < TEXT_MINIMUM) {
            return Optional.of(hex + " makes highlighted text hard to read: the text " + INK + " on its highlight " + tint
                    + " has a contrast of " + ratio(text) + ", at least 4.5:1 is needed (WCAG 1.4.3); choose a lighter colour");
        }
        return Optional.empty();
    }

    /** The WCAG contrast ratio of two colours, 1 to 21. */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** The colour a browser shows for {@code hex} at {@code alpha} over {@code background} (blended in sRGB, as CSS does). */
    static String over(String hex, double alpha, String background) {
        int[] f = rgb(hex);
        int[] b = rgb(background);
        StringBuilder out = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            out.append(String.format(Locale.ROOT, "%02x", (int) Math.round(alpha * f[i] + (1 - alpha) * b[i])));
        }
        return out.toString();
    }

    static double luminance(String hex) {
        int[] c = rgb(hex);
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = c[i] / 255.0;
            linear[i] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    private static int[] rgb(String hex) {
        int n = Integer.parseInt(hex.substring(1), 16);
        return new int[] {n >> 16, (n >> 8) & 255, n & 255};
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.1f:1", Math.floor(r * 10) / 10);
    }
}
