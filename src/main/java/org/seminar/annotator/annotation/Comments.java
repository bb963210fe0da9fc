package org.seminar.annotator.annotation;

import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Comments and replies are CommonMark (commonmark-java), rendered once here for every place that
 * shows them: raw HTML in a comment is shown as text, only http(s) and mailto links survive and
 * open without the page's context, and images become links (the page loads nothing from elsewhere).
 */
public final class Comments {

    /** The ASCII characters besides letters and digits that {@link #isPlainProse} lets through. */
    private static final String PLAIN_ASCII = " ,.;:?'\"()/%";
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).softbreak("<br>\n")
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.putAll(Map.of("rel", "noopener noreferrer nofollow"));
                }
            })
            .build();

    private Comments() {
    }

    /** The comment as HTML safe to insert into a page; null for no comment. */
    public static String html(String markdown) {
        if (markdown == null) {
            return null;
        }
        if (isPlainProse(markdown)) {
            return "<p>" + markdown.replace("\"", "&quot;") + "</p>";
        }
        return rendered(markdown);
    }

    /** The comment through the CommonMark parser and renderer. */
    static String rendered(String markdown) {
        Node document = PARSER.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                Link link = new Link(image.getDestination(), image.getTitle());
                Node child = image.getFirstChild();
                link.appendChild(child != null ? child : new Text(image.getDestination()));
                image.insertBefore(link);
                image.unlink();
            }
        });
        return RENDERER.render(document).strip();
    }

    /**
     * Whether CommonMark would render the text as one paragraph of the same characters: it starts with a letter, does
     * not end with a space or a colon, and has only letters, digits, single spaces and {@code , . ; : ? ' " ( ) / %}
     * (none of which starts a block or an inline construct there). Most comments are such sentences, and parsing
     * them was most of the time a list of annotations spent on their comments; {@code CommentsTest} holds this
     * answer against the parser.
     */
    static boolean isPlainProse(String text) {
        int n = text.length();
        if (n == 0 || n > 2_000 || !Character.isLetter(text.charAt(0))) {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean plain = c < 128 ? PLAIN_ASCII.indexOf(c) >= 0 || Character.isLetterOrDigit(c)
                    : Character.isLetter(c) && !Character.isSurrogate(c);
            if (!plain || c == ' ' && previous == ' ') {
                return false;
            }
            previous = c;
        }
        return previous != ' ' && previous != ':';
    }
}
