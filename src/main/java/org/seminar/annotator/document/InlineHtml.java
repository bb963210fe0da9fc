package org.seminar.annotator.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.seminar.annotator.document.parse.InlineText;

/**
 * Turns plain text with marks and footnote markers into escaped HTML. The characters of the text
 * appear in order and unchanged, so a browser can count annotation offsets on them; footnote
 * markers are {@code <sup data-skip>} elements that offset counting leaves out.
 */
public final class InlineHtml {

    private InlineHtml() {
    }

    /** A footnote marker to place after {@code offset} characters, linking to {@code #fn-label}. */
    public record Marker(int offset, String label, String anchorId) {
    }

    public static String render(String text, List<InlineText.Mark> marks, List<Marker> markers) {
        List<InlineText.Mark> ms = marks == null ? List.of() : marks;
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int pos = 0; pos <= text.length(); pos++) {
            final int at = pos;
            ms.stream().filter(m -> m.end() == at && m.start() < at)
                    .sorted(Comparator.comparingInt(InlineText.Mark::start).reversed())
                    .forEach(m -> out.append(close(m)));
            for (Marker marker : markers) {
                if (marker.offset() == at) {
                    out.append("<sup class=\"fnref\" data-skip><a id=\"").append(escape(marker.anchorId()))
                            .append("\" href=\"#fn-").append(escape(marker.label()))
                            .append("\" aria-label=\"Footnote ").append(escape(marker.label())).append("\">")
                            .append(escape(marker.label())).append("</a></sup>");
                }
            }
            List<InlineText.Mark> opening = new ArrayList<>(ms.stream().filter(m -> m.start() == at && m.end() > at).toList());
            opening.sort(Comparator.comparingInt(InlineText.Mark::end).reversed());
            opening.forEach(m -> out.append(open(m)));
            if (pos < text.length()) {
                appendEscaped(out, text.charAt(pos));
            }
        }
        return out.toString();
    }

    private static String open(InlineText.Mark mark) {
        return switch (mark.type()) {
            case "em" -> "<em>";
            case "strong" -> "<strong>";
            case "link" -> "<a href=\"" + escape(safeHref(mark.href())) + "\" rel=\"noopener noreferrer nofollow\">";
            default -> "";
        };
    }

    private static String close(InlineText.Mark mark) {
        return switch (mark.type()) {
            case "em" -> "</em>";
            case "strong" -> "</strong>";
            case "link" -> "</a>";
            default -> "";
        };
    }

    /** Only web links are followed; anything else (javascript:, data:) becomes a dead link. */
    private static String safeHref(String href) {
        return href != null && (href.startsWith("http://") || href.startsWith("https://")) ? href : "#";
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            appendEscaped(out, s.charAt(i));
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '&' -> out.append("&amp;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            default -> out.append(c);
        }
    }
}
