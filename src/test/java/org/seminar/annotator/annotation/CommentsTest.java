package org.seminar.annotator.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    @Test
    void linksAndImagesLeadOnlyToHttpHttpsOrMailto() {
        List<String> refused = List.of("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)", "<data:text/html,hi>", "[x](javascript:alert(1))",
                "[x](JaVaScRiPt:alert(1))", "[x](java\tscript:alert(1))", "[x](vbscript:msgbox(1))", "[x](//evil.example/a)",
                "[x](/documents/secret)", "[x](evil.example)", "[x](file:///etc/passwd)", "[x](http:evil.example)",
                "[x][r]\n\n[r]: data:text/html,hi", "![](data:text/html,hi)");
        for (String comment : refused) {
            String html = Comments.html(comment);
            assertFalse(html.contains("href") || html.contains("src="), comment + " -> " + html);
        }
        assertEquals("<p>x</p>", Comments.html("[x](data:text/html;base64,PHNjcmlwdD4=)"), "the words stay, the address goes");
        for (String allowed : List.of("https://example.org/a?b=c", "http://example.org", "mailto:teacher@school.example.org",
                "HTTPS://EXAMPLE.ORG")) {
            assertTrue(Comments.html("[x](" + allowed + ")").contains("href=\"" + allowed + "\""), allowed);
        }
        assertTrue(Comments.html("<https://example.org>").contains("href=\"https://example.org\""));
    }

    /** Plain sentences skip the parser: what they get must be exactly what the parser gives them. */
    @Test
    void plainProseIsRenderedAsTheParserWould() {
        List<String> plain = new ArrayList<>(List.of("load test", "Is this \"neutrality\" (in the 1955 sense)?",
                "Cf. p. 12; see also 3/4 of 100% of cases: l'État, Беларусь, Ελλάδα", "Austria 1955.", "x"));
        Random random = new Random(7);
        String alphabet = "abcXYZ019 ,.;:?'\"()/%éßЖ";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder("w");
            for (int k = random.nextInt(40); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            plain.add(text.toString());
        }
        int fast = 0;
        for (String text : plain) {
            assertEquals(Comments.rendered(text), Comments.html(text), text);
            fast += Comments.isPlainProse(text) ? 1 : 0;
        }
        assertTrue(fast > 1_000, "most of the generated sentences take the short way: " + fast);
        for (String markup : List.of("*a*", "a *b*", "1. item", "a  b", "a\nb", "a\\b", "a & b", "a <b>", "a_b_", "a`b`", "a [b](c)",
                "# a", "a ", " a", "a:", "a\u00a0b", "a😀")) {
            assertFalse(Comments.isPlainProse(markup), markup);
        }
    }
}
