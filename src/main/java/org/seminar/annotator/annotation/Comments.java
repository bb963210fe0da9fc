package org.seminar.annotator.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Comments and replies are CommonMark (commonmark-java), rendered once here for every place that
 * shows them: raw HTML in a comment is shown as text; a link survives only when it is absolute and
 * its scheme is http, https or mailto (no {@code data:}, {@code javascript:}, {@code vbscript:},
 * relative or scheme-relative {@code //host} addresses: those links become their text), and it opens
 * without the page's context; images become such links, so a page never loads anything from elsewhere.
 */
public final class Comments {

    /** The ASCII characters besides letters and digits that {@link #isPlainProse} lets through. */
    private static final String PLAIN_ASCII = " ,.;:?'\"()/%";
    private static final Parser PARSER = Parser.builder().build();
    /** The schemes a link in a comment may have. */
    static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new UrlSanitizer() {
                @Override
                public String sanitizeLinkUrl(String url) {
                    return allowedLink(url) ? url : "";
                }

                @Override
                public String sanitizeImageUrl(String url) {
                    return ""; // images are turned into links before rendering; none is ever loaded
                }
            })
            .softbreak("<br>\n")
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

    /** The comment as {@link #html(String)}, with the people it mentions ({@link Mentions}: username → name) shown by name. */
    public static String html(String markdown, java.util.Map<String, String> mentioned) {
        return Mentions.render(html(markdown), mentioned);
    }

    /** The comment through the CommonMark parser and renderer. */
    static String rendered(String markdown) {
        Node document = PARSER.parse(markdown);
        List<Node> links = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                Link link = new Link(image.getDestination(), image.getTitle());
                Node child = image.getFirstChild();
                link.appendChild(child != null ? child : new Text(image.getDestination()));
                image.insertBefore(link);
                image.unlink();
                links.add(link);
            }

            @Override
            public void visit(Link link) {
                links.add(link);
                visitChildren(link);
            }
        });
        for (Node node : links) {
            Link link = (Link) node;
            if (!allowedLink(link.getDestination())) {
                // the words stay, the address goes: what the author wrote is still read, nothing opens
                if (link.getFirstChild() == null) {
                    link.insertBefore(new Text(link.getDestination()));
                }
                while (link.getFirstChild() != null) {
                    link.insertBefore(link.getFirstChild());
                }
                link.unlink();
            }
        }
        return RENDERER.render(document).strip();
    }

    /**
     * Whether a link's address may be followed from a comment: an absolute URL whose scheme is one of
     * {@link #LINK_SCHEMES} (browsers ignore tabs, line breaks and leading spaces in a scheme: so does this check).
     */
    static boolean allowedLink(String destination) {
        if (destination == null) {
            return false;
        }
        String url = destination.replaceAll("[\\u0000-\\u0020\\u007f]", "");
        int colon = url.indexOf(':');
        if (colon <= 0) {
            return false; // relative, scheme-relative (//host) or empty
        }
        String scheme = url.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        if (!LINK_SCHEMES.contains(scheme)) {
            return false;
        }
        return !scheme.startsWith("http") || url.startsWith("//", colon + 1) && url.length() > colon + 3;
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
