package org.seminar.annotator.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.seminar.annotator.support.Browser;

/**
 * The page's offsets module on its own, in the headless Chromium the suite already uses: a selection
 * becomes the UTF-16 offsets the server counts, skipping footnote markers and numbers, trimming
 * white space, across inline formatting and characters outside the BMP.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OffsetsModuleBrowserTest {

    @TestHTTPResource("/")
    URL base;

    Browser browser;

    /** Builds a paragraph as the reading page renders one, selects [from, to) of a text node, and asks the module. */
    static final String SELECT = """
            const [html, nodeSelector, nodeIndex, from, to, done] = arguments;
            import('/static/reader/offsets.js').then(m => {
              document.body.replaceChildren();
              const p = document.createElement('p');
              p.className = 'para';
              p.id = 'p1';
              p.innerHTML = html;
              document.body.append(p);
              const ptext = p.querySelector('.ptext');
              const node = [...ptext.querySelectorAll(nodeSelector)].map(e => e.firstChild)[nodeIndex] || ptext.firstChild;
              const range = document.createRange();
              range.setStart(node, from);
              range.setEnd(node, to);
              const selection = window.getSelection();
              selection.removeAllRanges();
              selection.addRange(range);
              const target = m.selectionTarget(selection);
              done({ text: m.plainText(ptext), start: target && target.start, end: target && target.end, quote: target && target.quote });
            }).catch(e => done({ error: String(e) }));""";

    static final String PARAGRAPH = "<a class=\"pnum\" data-skip>1</a><span class=\"ptext\">Neutral <em>\uD83C\uDDE7\uD83C\uDDFE states</em>"
            + "<sup class=\"fnref\" data-skip>3</sup> stay out.</span>";

    @BeforeAll
    void open() throws Exception {
        browser = new Browser();
        browser.driver.get(new URL(base, "/").toString());
    }

    @AfterAll
    void close() {
        browser.close();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> select(String html, String nodeSelector, int nodeIndex, int from, int to) {
        return (Map<String, Object>) browser.driver.executeAsyncScript(SELECT, html, nodeSelector, nodeIndex, from, to);
    }

    @Test
    void countsUtf16UnitsAfterAFlagAndSkipsFootnoteMarkers() {
        // "Neutral " is 8 units, the flag 🇧🇾 is 4 (two surrogate pairs), then a space: "states" starts at 13
        Map<String, Object> result = select(PARAGRAPH, "em", 0, 5, 11);
        assertEquals("Neutral \uD83C\uDDE7\uD83C\uDDFE states stay out.", result.get("text"), "the marker 3 is not text");
        assertEquals(13L, result.get("start"));
        assertEquals(19L, result.get("end"));
        assertEquals("states", result.get("quote"));
    }

    @Test
    void trimsWhiteSpaceAtTheEdgesOfASelection() {
        // " a  quoted passage " selected from offset 1 to 20: the spaces at both ends are dropped
        Map<String, Object> result = select("<span class=\"ptext\">  a  quoted passage  </span>", "x", 0, 1, 20);
        assertEquals(2L, result.get("start"));
        assertEquals(19L, result.get("end"));
        assertEquals("a  quoted passage", result.get("quote"));
    }

    @Test
    void aSelectionOfOnlyWhiteSpaceIsNoTarget() {
        Map<String, Object> result = select("<span class=\"ptext\">one   two</span>", "x", 0, 3, 6);
        assertEquals(null, result.get("quote"));
    }

    @Test
    void sentencesAreFoundForKeyboardNarrowing() {
        Object spans = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/static/reader/offsets.js').then(m => done(JSON.stringify(m.sentences(arguments[0]))));""",
                "Neutral states stay out. “Do they?” Some trade   with everyone");
        assertEquals("[{\"start\":0,\"end\":24},{\"start\":25,\"end\":35},{\"start\":36,\"end\":62}]", spans);
    }
}
