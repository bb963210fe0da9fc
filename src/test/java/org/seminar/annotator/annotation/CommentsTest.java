package org.seminar.annotator.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Comments are CommonMark rendered safely: formatting works, nothing from the comment runs or loads. */
class CommentsTest {

    @Test
    void rendersCommonMarkEmphasisCodeAndLinks() {
        assertEquals("<p>Compare with <em>Turkmenistan</em> and <strong>Austria</strong>: <code>1955</code></p>",
                Comments.html("Compare with *Turkmenistan* and **Austria**: `1955`"));
        assertEquals("<p><a rel=\"noopener noreferrer nofollow\" href=\"https://example.org\">source</a></p>",
                Comments.html("[source](https://example.org)"));
        assertEquals("<p>line one<br>\nline two</p>", Comments.html("line one\nline two"));
    }

    @Test
    void rawHtmlScriptLinksAndImagesAreDefused() {
        String html = Comments.html("<script>alert(1)</script> <img src=x onerror=alert(1)>");
        assertFalse(html.contains("<script") || html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertFalse(Comments.html("[click](javascript:alert(1))").contains("javascript:"));
        String image = Comments.html("![a map](https://example.org/map.png)");
        assertFalse(image.contains("<img"), image);
        assertTrue(image.contains("href=\"https://example.org/map.png\">a map</a>"), image);
        assertNull(Comments.html(null));
    }
}
