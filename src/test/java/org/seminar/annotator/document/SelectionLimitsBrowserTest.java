package org.seminar.annotator.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.seminar.annotator.support.Accessibility;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;

/**
 * A selection that cannot be annotated says so at once instead of doing nothing: across two paragraphs, and in the
 * abstract, a heading or the notes of the bundled article; a selection within one paragraph still opens the tagging box.
 * And a note's marker leads to the note and back without choosing the paragraph for the panel.
 */
@QuarkusTest
class SelectionLimitsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    /** Selects from the start of one element's text to the end of another's, as a mouse would, and lets the mouse go. */
    private static final String SELECT = """
            const from = document.querySelector(arguments[0]), to = document.querySelector(arguments[1]);
            const first = document.createTreeWalker(from, NodeFilter.SHOW_TEXT).nextNode();
            const walker = document.createTreeWalker(to, NodeFilter.SHOW_TEXT); let last = null, n;
            while ((n = walker.nextNode())) last = n;
            const range = document.createRange();
            range.setStart(first, 0); range.setEnd(last, Math.min(last.length, arguments[2]));
            const s = window.getSelection(); s.removeAllRanges(); s.addRange(range);
            document.querySelector('article.article').dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));""";

    @Test
    void aSelectionThatCannotBeAnnotatedSaysWhyAtOnce() throws Exception {
        String doc = Documents.bundledId();
        try (Browser reader = new Browser()) {
            reader.signIn(new URL(base, "/documents/" + doc).toString(), "reviewer1");
            reader.waitUpTo(Duration.ofSeconds(15)).until(d -> "true".equals(d.findElement(By.id("reader")).getAttribute("data-ready")));

            reader.driver.executeScript(SELECT, ".para .ptext", ".para ~ .para .ptext", 20);
            assertTrue(status(reader).contains("one paragraph"), status(reader));
            assertTrue(reader.driver.findElement(By.id("toolbar")).getAttribute("hidden") != null, "no tagging box for two paragraphs");
            assertEquals(java.util.List.of(), Accessibility.violations(reader.driver), "the page saying why");

            reader.driver.executeScript(SELECT, ".abstract p", ".abstract p", 30);
            assertTrue(status(reader).contains("not the abstract"), status(reader));
            reader.driver.executeScript(SELECT, ".section h2", ".section h2", 5);
            assertTrue(status(reader).contains("not a heading"), status(reader));
            reader.driver.executeScript(SELECT, ".footnotes li", ".footnotes li", 10);
            assertTrue(status(reader).contains("not the notes"), status(reader));

            reader.driver.executeScript(SELECT, ".para .ptext", ".para .ptext", 12);
            reader.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("toolbar")).isDisplayed());
        }
    }

    @Test
    void aNoteMarkerLeadsToTheNoteAndBackWithoutChangingThePanel() throws Exception {
        String doc = Documents.bundledId();
        try (Browser reader = new Browser()) {
            reader.signIn(new URL(base, "/documents/" + doc).toString(), "reviewer1");
            reader.waitUpTo(Duration.ofSeconds(15)).until(d -> "true".equals(d.findElement(By.id("reader")).getAttribute("data-ready")));
            String panelBefore = reader.driver.findElement(By.id("panel-title")).getText();
            org.openqa.selenium.WebElement marker = reader.driver.findElement(By.cssSelector(".para .fnref a"));
            String markerId = marker.getAttribute("id");
            reader.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", marker);
            marker.click();
            reader.waitUpTo(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("#fn-"));
            assertEquals(panelBefore, reader.driver.findElement(By.id("panel-title")).getText(), "the marker does not choose the paragraph");
            reader.driver.findElement(By.cssSelector(".footnotes a.backref[href='#" + markerId + "']")).click();
            reader.waitUpTo(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("#" + markerId));
            Number top = (Number) reader.driver.executeScript("return document.getElementById(arguments[0]).getBoundingClientRect().top", markerId);
            Number height = (Number) reader.driver.executeScript("return window.innerHeight");
            assertTrue(top.doubleValue() > height.doubleValue() * 0.2, "back in the text, the marker is clear of the top edge: " + top + " of " + height);
        }
    }

    private static String status(Browser reader) {
        return reader.driver.findElement(By.id("status")).getText();
    }
}
