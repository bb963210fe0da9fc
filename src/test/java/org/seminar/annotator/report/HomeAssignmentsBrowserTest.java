package org.seminar.annotator.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.seminar.annotator.support.Accessibility;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.PageSessions;
import org.seminar.annotator.support.Tokens;

/**
 * Finding one's reading: the home page lists my documents with due date, my progress and what others annotated since
 * my last visit, and tells identical titles apart; an archived document's bookmark says it was archived (only to those
 * who could open it); a link to one annotation opens the page at it.
 */
@QuarkusTest
class HomeAssignmentsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    static String annotate(String user, String doc, String tag, String comment) {
        var d = Documents.documentAs(user, doc);
        String p = d.getString("sections[0].paragraphs[0].id");
        String text = d.getString("sections[0].paragraphs[0].text");
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json")
                .body(Map.of("paragraphId", p, "start", 0, "end", 8, "quote", text.substring(0, 8), "tags", List.of(tag), "comment", comment))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
    }

    static void assign(String doc, List<String> groups, LocalDate due) {
        Map<String, Object> change = new HashMap<>();
        change.put("groups", groups);
        change.put("dueDate", due == null ? "" : due.toString());
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(change)
                .put("/api/documents/" + doc).then().statusCode(200);
    }

    @Test
    void theHomePageShowsDueDatesProgressNewWorkAndTellsIdenticalTitlesApart() throws Exception {
        String title = "Week Three Reading " + Long.toString(System.nanoTime(), 36);
        String body = title + "\n\nThe first paragraph of the week's reading, long enough to annotate.\n\nAnd a second one.";
        String first = Documents.importText(body);
        String everyone = Documents.importText(body);
        String later = Documents.importText(body);
        LocalDate due = LocalDate.of(2099, 1, 15);
        assign(first, List.of("seminar-a"), due);
        assign(everyone, List.of(), due.plusDays(1));
        assign(later, List.of("seminar-a"), due.plusDays(2));

        annotate("reviewer1", first, "neutrality", "Mine, one");
        annotate("reviewer1", first, "non-alignment", "Mine, two");
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json").body(Map.of("finished", true))
                .put("/api/documents/" + first + "/finished").then().statusCode(200);
        String others = annotate("reviewer2", first, "neutrality", "Before my visit");

        try (Browser browser = new Browser()) {
            browser.signIn(new URL(base, "/home").toString(), "reviewer1");
            WebElement card = card(browser, first);
            assertTrue(card.findElement(By.cssSelector(".due")).getText().contains("15 Jan 2099"), card.getText());
            assertEquals("2 annotations, 0 replies · finished", card.findElement(By.cssSelector(".mine")).getText());
            assertEquals("not opened yet · 1 annotation by others", card.findElement(By.cssSelector(".news")).getText());

            // a visit, then others go on working
            browser.driver.get(new URL(base, "/documents/" + first).toString());
            browser.waitUpTo(Duration.ofSeconds(20)).until(dr -> "true".equals(dr.findElement(By.id("reader")).getAttribute("data-ready")));
            annotate("reviewer2", first, "strategic-autonomy", "After my visit");
            annotate("reviewer3", first, "neutrality", "Also after my visit");
            annotate("reviewer1", first, "neutrality", "My own does not count as new");

            browser.driver.get(new URL(base, "/home").toString());
            card = card(browser, first);
            assertEquals("2 new annotations by others since your last visit", card.findElement(By.cssSelector(".news")).getText());
            assertEquals("3 annotations, 0 replies · finished", card.findElement(By.cssSelector(".mine")).getText());

            // three identical titles, each told apart
            List<String> notes = List.of(first, everyone, later).stream()
                    .map(id -> card(browser, id).findElement(By.cssSelector(".distinction")).getText()).toList();
            assertEquals(3, new HashSet<>(notes).size(), "three different notes: " + notes);
            assertTrue(notes.get(1).contains("for every group"), notes.toString());
            assertTrue(notes.get(0).contains("for seminar-a"), notes.toString());
            assertEquals(List.of(), Accessibility.violations(browser.driver));

            browser.driver.get(new URL(base, "/documents").toString());
            List<String> listed = browser.driver.findElements(By.cssSelector(".doc-list li")).stream().map(WebElement::getText)
                    .filter(t -> t.startsWith(title)).toList();
            assertEquals(3, listed.size(), listed.toString());
            assertEquals(3, new HashSet<>(listed).size(), "the documents list tells them apart too: " + listed);
            assertEquals(List.of(), Accessibility.violations(browser.driver));

            browser.driver.get(new URL(base, "/home").toString());
            shoot(browser, "home-assignments.png");

            // a link to one annotation opens the page at it, its card focused
            for (String link : List.of("/documents/" + first + "?annotation=" + others, "/documents/" + first + "#annotation-" + others)) {
                browser.driver.get(new URL(base, "/home").toString());
                browser.driver.get(new URL(base, link).toString());
                try {
                    browser.waitUpTo(Duration.ofSeconds(20)).until(dr -> others.equals(dr.switchTo().activeElement().getAttribute("data-annotation-id")));
                } catch (org.openqa.selenium.TimeoutException e) {
                    throw new AssertionError(link + " did not focus the annotation's card; focused: "
                            + browser.driver.executeScript("return document.activeElement.outerHTML.slice(0, 200) + ' | marks with it: '"
                                    + " + Array.from(document.querySelectorAll('mark.hl')).filter(m => (m.dataset.ids || '').split(' ')"
                                    + ".includes(arguments[0])).length + ' | notice: ' + document.getElementById('annotation-link-notice').textContent",
                                    others), e);
                }
                assertTrue(browser.driver.switchTo().activeElement().getText().contains("Before my visit"));
            }
        }
    }

    @Test
    void anArchivedDocumentsBookmarkSaysItWasArchivedToThoseWhoReadItAndStaysUnknownToOthers() throws Exception {
        String doc = Documents.importText("Archived Reading\n\nA paragraph that the class read last term.");
        assign(doc, List.of("seminar-a"), null);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("archived", true))
                .put("/api/documents/" + doc).then().statusCode(200);
        try (WebClient reviewer = PageSessions.signedIn(base, "reviewer1")) {
            Page page = reviewer.getPage(new URL(base, "/documents/" + doc));
            assertEquals(410, page.getWebResponse().getStatusCode());
            String text = page.getWebResponse().getContentAsString();
            assertTrue(text.contains("This document was archived on " + java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                    java.util.Locale.ENGLISH).format(LocalDate.now(java.time.ZoneOffset.UTC)) + " by the teacher (admin)"), text);
            assertTrue(text.contains("Archived Reading"), text);
            assertTrue(!text.contains("No document with id"), text);
        }
        try (WebClient stranger = PageSessions.signedIn(base, "reviewer4")) {
            Page page = stranger.getPage(new URL(base, "/documents/" + doc));
            assertEquals(404, page.getWebResponse().getStatusCode(), "seminar-b never could open it");
            String text = page.getWebResponse().getContentAsString();
            assertTrue(!text.contains("Archived Reading") && !text.contains("archived"), "nothing of it shows: " + text);
        }
        given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc).then().statusCode(404);
    }

    static WebElement card(Browser browser, String doc) {
        return browser.driver.findElement(By.cssSelector("li.assignment[data-document='" + doc + "']"));
    }

    static void shoot(Browser browser, String name) throws Exception {
        Path shot = Path.of("target/screenshots", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}
