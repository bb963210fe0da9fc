package org.seminar.annotator.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.seminar.annotator.support.Accessibility;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** axe-core on every page and state a reader, a reviewer and an admin meet: no critical or serious violation. */
@QuarkusTest
class AccessibilityBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void pagesAndStatesHaveNoCriticalOrSeriousViolations() throws Exception {
        String doc = Documents.importText("Accessible Reading\n\nNeutral states stay out of alliances.\n\nA second paragraph to read.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        given().header("Authorization", Tokens.bearer("reviewer2")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 0, "end", 7, "quote", "Neutral", "tags", List.of("neutrality", "non-alignment"),
                        "comment", "A *comment*."))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
        List<String> found = new ArrayList<>();
        try (Browser browser = new Browser()) {
            browser.driver.get(new URL(base, "/").toString());
            check(browser, "landing page", found);
            browser.signIn(new URL(base, "/documents").toString(), "reviewer1");
            check(browser, "documents", found);
            browser.driver.get(new URL(base, "/documents/" + doc).toString());
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("reader")).getAttribute("data-ready")));
            check(browser, "reading page with annotations", found);
            browser.driver.findElement(By.cssSelector("#" + paragraph + " .tag-para")).click();
            browser.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("toolbar")).isDisplayed());
            check(browser, "reading page, tagging box open", found);
            browser.driver.get(new URL(base, "/documents/" + doc + "/report").toString());
            check(browser, "report", found);
            browser.driver.get(new URL(base, "/documents/" + doc + "/participation").toString());
            check(browser, "participation (own progress)", found);
            browser.driver.get(new URL(base, "/search?q=comment").toString());
            check(browser, "search results", found);
            browser.driver.get(new URL(base, "/account").toString());
            check(browser, "account", found);
        }
        try (Browser admin = new Browser()) {
            admin.signIn(new URL(base, "/admin").toString(), "admin");
            check(admin, "admin: users", found);
            admin.driver.get(new URL(base, "/documents/" + doc + "/participation?group=seminar-a").toString());
            check(admin, "participation (teacher)", found);
            for (String page : List.of("/admin/groups", "/admin/import", "/admin/codebook", "/admin/log")) {
                admin.driver.get(new URL(base, page).toString());
                check(admin, "admin: " + page, found);
            }
        }
        try (Browser other = new Browser()) {
            other.signIn(new URL(base, "/documents/" + doc).toString(), "reviewer4");
            other.waitUpTo(Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("reader")).getAttribute("data-ready")));
            check(other, "reading page without annotations", found);
        }
        assertEquals(List.of(), found);
    }

    private static void check(Browser browser, String state, List<String> found) {
        Accessibility.seriousViolations(browser.driver).forEach(v -> found.add(state + ": " + v));
    }
}
