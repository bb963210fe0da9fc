package org.seminar.annotator.document;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.seminar.annotator.support.Accessibility;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * The article as a busy seminar leaves it, 5,000 annotations by three reviewers, read on a desktop
 * and on a phone: every annotation is in the document-wide list, the page stays usable, and the
 * screenshots in target/screenshots show it (docs/screenshots keeps copies).
 */
@QuarkusTest
class BusyArticleBrowserTest {

    static final int ANNOTATIONS = 5000;

    @TestHTTPResource("/")
    URL base;
    @Inject
    EntityManager em;

    /** The seed annotation made through the API gives the group its row; the rest are copied in SQL, varied by position. */
    @Transactional
    void seed(String documentId, String seedId) {
        em.createNativeQuery("""
                insert into annotation (id, document_id, paragraph_id, start_offset, end_offset, quote, prefix, suffix, comment,
                                        author, author_name, group_id, hidden, created, updated, version)
                select 'busy' || g, p.document_id, p.id, x.s, x.s + x.len, substr(p.text, x.s + 1, x.len), '', '',
                       case when g % 4 = 0 then 'Comment number ' || g end,
                       'reviewer' || (1 + g % 3), (array['Rita Reviewer', 'Rob Reader', 'Rosa Critic'])[1 + g % 3],
                       s.group_id, false, now(), now(), 1
                from generate_series(1, :n) g
                cross join (select group_id from annotation where id = :seed) s
                cross join lateral (select * from paragraph where document_id = :doc and length(text) > 40
                                    order by number offset (g % 40) limit 1) p
                cross join lateral (select (g * 37) % (length(p.text) - 30) as s, 4 + g % 20 as len) x""")
                .setParameter("n", ANNOTATIONS - 1).setParameter("seed", seedId).setParameter("doc", documentId).executeUpdate();
        em.createNativeQuery("""
                insert into annotation_tag (annotation_id, tag_slug)
                select id, (array['neutrality', 'non-alignment', 'strategic-autonomy'])[1 + (length(id) + ascii(right(id, 1))) % 3]
                from annotation where id like 'busy%' and document_id = :doc""").setParameter("doc", documentId).executeUpdate();
    }

    @Test
    void fiveThousandAnnotationsAreAllListedAndTheArticleStaysReadable() throws Exception {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("documents/belarus-non-alignment-neutrality-strategic-autonomy.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // a copy under its own title, so that the bundled article stays the only one with its title
        text = text.replaceFirst("Belarus: Between", "Busy Seminar Copy of Belarus: Between");
        String doc = given().header("Authorization", Tokens.bearer("admin")).contentType("text/plain").body(text.getBytes(StandardCharsets.UTF_8))
                .post("/api/documents?source=print-extraction").then().statusCode(201).extract().path("id");
        var d = Documents.document(doc);
        String paragraph = d.getString("sections[1].paragraphs[0].id");
        String quote = d.getString("sections[1].paragraphs[0].text").substring(0, 12);
        String seedId = given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 0, "end", 12, "quote", quote, "tags", List.of("neutrality", "strategic-autonomy"),
                        "comment", "Where the argument starts."))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
        seed(doc, seedId);
        int listed = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/annotations")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
        assertEquals(ANNOTATIONS, listed);

        String page = new URL(base, "/documents/" + doc).toString();
        try (Browser desktop = new Browser()) {
            desktop.signIn(page, "reviewer1");
            desktop.waitUpTo(Duration.ofSeconds(30)).until(dr -> "true".equals(dr.findElement(By.id("reader")).getAttribute("data-ready")));
            assertEquals("(" + ANNOTATIONS + ")", desktop.driver.findElement(By.id("document-count")).getText(), "the list holds them all");
            assertTrue(desktop.driver.findElements(By.cssSelector("mark.hl")).size() > 100, "highlights drawn");
            shoot(desktop, "desktop-5000-list.png");
            desktop.driver.findElement(By.cssSelector("#" + paragraph + " .tag-para")).click();
            desktop.waitUpTo(Duration.ofSeconds(5)).until(dr -> dr.findElement(By.id("toolbar")).isDisplayed());
            shoot(desktop, "desktop-5000-tagging-box.png");
            assertEquals(List.of(), Accessibility.seriousViolations(desktop.driver));
        }
        try (Browser phone = Browser.phone()) {
            phone.signIn(page, "reviewer1");
            phone.waitUpTo(Duration.ofSeconds(30)).until(dr -> "true".equals(dr.findElement(By.id("reader")).getAttribute("data-ready")));
            phone.driver.findElement(By.id("panel-toggle")).click();
            phone.waitUpTo(Duration.ofSeconds(5)).until(dr -> dr.findElement(By.id("document-items")).isDisplayed());
            shoot(phone, "phone-5000-list.png");
            phone.driver.findElement(By.id("panel-close")).click();
            phone.driver.findElement(By.cssSelector("#" + paragraph + " .tag-para")).click();
            phone.waitUpTo(Duration.ofSeconds(5)).until(dr -> dr.findElement(By.id("toolbar")).isDisplayed());
            shoot(phone, "phone-5000-tagging-box.png");
        }
    }

    static void shoot(Browser browser, String name) throws Exception {
        Path shot = Path.of("target/screenshots", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}
