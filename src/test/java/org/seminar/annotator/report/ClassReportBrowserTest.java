package org.seminar.annotator.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.seminar.annotator.support.Accessibility;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * The report for a class: 30 reviewers fit a page a teacher can scroll (heat maps, reviewers in pages, the pairwise
 * list folded away), a phone never scrolls sideways, and a 3-reviewer report prints on at most three A4 pages, chart
 * included. Screenshots and the printed PDF go to target/screenshots (docs/screenshots keeps copies).
 */
@QuarkusTest
class ClassReportBrowserTest {

    static final String[] TAGS = {"neutrality", "non-alignment", "strategic-autonomy"};

    @TestHTTPResource("/")
    URL base;
    @Inject
    EntityManager em;

    /** A copy of the bundled article under its own title, as the seed's reading. */
    static String seminarArticle(String title) throws Exception {
        String text;
        try (InputStream in = ClassReportBrowserTest.class.getClassLoader()
                .getResourceAsStream("documents/belarus-non-alignment-neutrality-strategic-autonomy.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text = text.replaceFirst("Belarus: Between", title + " of Belarus: Between");
        return given().header("Authorization", Tokens.bearer("admin")).contentType("text/plain").body(text.getBytes(StandardCharsets.UTF_8))
                .post("/api/documents?source=print-extraction").then().statusCode(201).extract().path("id");
    }

    /** The three demo reviewers of seminar-a annotate through the API, each a little differently, and mark it finished. */
    static void threeReviewersAnnotate(String doc, List<String> ids, List<String> texts) {
        for (int r = 1; r <= 3; r++) {
            for (int k = 0; k < 6; k++) {
                int p = (k * 3 + r) % ids.size();
                String text = texts.get(p);
                int end = Math.min(text.length(), 24);
                given().header("Authorization", Tokens.bearer("reviewer" + r)).contentType("application/json")
                        .body(Map.of("paragraphId", ids.get(p), "start", 0, "end", end, "quote", text.substring(0, end),
                                "tags", List.of(TAGS[(k + r) % 3]), "comment", "Reviewer " + r + " on passage " + k))
                        .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
            }
            given().header("Authorization", Tokens.bearer("reviewer" + r)).contentType("application/json").body(Map.of("finished", true))
                    .put("/api/documents/" + doc + "/finished").then().statusCode(200);
        }
    }

    /** 27 more students of seminar-a, copied in SQL (an API loop over 27 new accounts would be slow): annotations and finished marks. */
    void twentySevenMoreStudents(String doc) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into annotation (id, document_id, paragraph_id, start_offset, end_offset, quote, prefix, suffix, comment,
                                            author, author_name, group_id, hidden, created, updated, version)
                    select 'cls' || s || 'x' || k, p.document_id, p.id, 0, 12, substr(p.text, 1, 12), '', '', null,
                           'student' || lpad(s::text, 2, '0'), 'Student ' || lpad(s::text, 2, '0') || ' Seminarist',
                           g.group_id, false, now(), now(), 1
                    from generate_series(4, 30) s cross join generate_series(1, 8) k
                    cross join (select group_id from annotation where document_id = :doc limit 1) g
                    cross join lateral (select * from paragraph where document_id = :doc and length(text) > 40
                                        order by number offset ((s * 7 + k * 5) % 30) limit 1) p""")
                    .setParameter("doc", doc).executeUpdate();
            em.createNativeQuery("""
                    insert into annotation_tag (annotation_id, tag_slug)
                    select id, (array['neutrality', 'non-alignment', 'strategic-autonomy'])[1 + (ascii(right(id, 1)) + length(id)) % 3]
                    from annotation where id like 'cls%' and document_id = :doc""").setParameter("doc", doc).executeUpdate();
            em.createNativeQuery("""
                    insert into document_finished (document_id, group_id, username, finished_at)
                    select distinct document_id, group_id, author, now() from annotation where id like 'cls%' and document_id = :doc""")
                    .setParameter("doc", doc).executeUpdate();
        });
    }

    @Test
    void aClassOfThirtyGetsAReportOfAFewScreensWithHeatMapsAndNoViolations() throws Exception {
        String doc = seminarArticle("Class Report Copy");
        var d = Documents.document(doc);
        threeReviewersAnnotate(doc, d.getList("sections.paragraphs.flatten().id"), d.getList("sections.paragraphs.flatten().text"));
        twentySevenMoreStudents(doc);
        assertEquals(30, given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/report")
                .then().statusCode(200).extract().jsonPath().getList("agreement.coders").size(), "30 coders");

        String page = new URL(base, "/documents/" + doc + "/report").toString();
        try (Browser browser = new Browser()) {
            browser.signIn(page, "reviewer1");
            browser.waitUpTo(Duration.ofSeconds(10)).until(dr -> !dr.findElements(By.cssSelector(".chart canvas")).isEmpty());
            browser.waitUpTo(Duration.ofSeconds(10)).until(dr -> !dr.findElements(By.cssSelector(".pager")).isEmpty());
            var heat = browser.driver.findElements(By.cssSelector("details.heat-map[open] table.heat"));
            assertEquals(1, heat.size(), "one tag's heat map open, the others folded");
            assertEquals(30, heat.get(0).findElements(By.cssSelector("tbody tr")).size(), "a row per coder");
            assertEquals(31, heat.get(0).findElements(By.cssSelector("tbody tr:first-child td")).size(), "30 coders and the mean");
            assertEquals(3, browser.driver.findElements(By.cssSelector("details.heat-map")).size(), "one heat map per tag");
            assertEquals("false", browser.driver.findElement(By.cssSelector("details.pairs")).getDomProperty("open"), "the 435 pairs folded away");
            assertEquals(10, browser.driver.findElements(By.cssSelector(".reviewers-table tbody tr:not(.paged-out)")).size(), "ten reviewers a page");
            assertTrue(browser.driver.findElement(By.cssSelector(".pager")).getText().contains("Reviewers 1–10 of 30"));

            long height = ((Number) browser.driver.executeScript("return document.documentElement.scrollHeight")).longValue();
            System.out.println("Report of 30 reviewers: " + height + " px tall");
            assertTrue(height < 6000, "the report of 30 reviewers is " + height + " px tall");
            assertEquals(List.of(), Accessibility.violations(browser.driver));
            assertEquals(List.of(), browser.cspViolations().stream().limit(2).toList());

            browser.driver.findElements(By.cssSelector(".pager button")).get(1).click();
            assertTrue(browser.driver.findElement(By.cssSelector(".pager")).getText().contains("Reviewers 11–20 of 30"));

            browser.driver.manage().window().setSize(new Dimension(1280, (int) height + 100));
            shoot(browser, "report-30-reviewers.png");
        }
        try (Browser phone = Browser.phone()) {
            phone.signIn(page, "reviewer1");
            phone.waitUpTo(Duration.ofSeconds(10)).until(dr -> !dr.findElements(By.cssSelector(".pager")).isEmpty());
            long wide = ((Number) phone.driver.executeScript("return document.documentElement.scrollWidth")).longValue();
            long screen = ((Number) phone.driver.executeScript("return document.documentElement.clientWidth")).longValue();
            Object wider = phone.driver.executeScript("""
                    return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > innerWidth + 1
                        && !(e.parentElement && e.parentElement.getBoundingClientRect().right > innerWidth + 1))
                      .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));""");
            assertTrue(wide <= screen, "the page is " + wide + " px wide on a " + screen + " px screen; wider: " + wider);
            Boolean heatScrolls = (Boolean) phone.driver.executeScript(
                    "const box = document.querySelector('details.heat-map[open] .table-scroll'); return box.scrollWidth > box.clientWidth;");
            assertTrue(heatScrolls, "the heat map scrolls inside its own box");
            shoot(phone, "report-30-reviewers-phone.png");
        }
    }

    @Test
    void aThreeReviewerReportPrintsOnAtMostThreeA4PagesWithItsChart() throws Exception {
        String doc = seminarArticle("Printed Report Copy");
        var d = Documents.document(doc);
        threeReviewersAnnotate(doc, d.getList("sections.paragraphs.flatten().id"), d.getList("sections.paragraphs.flatten().text"));
        String page = new URL(base, "/documents/" + doc + "/report").toString();
        try (Browser browser = new Browser()) {
            browser.signIn(page, "reviewer1");
            browser.waitUpTo(Duration.ofSeconds(10)).until(dr -> "false".equals(
                    dr.findElement(By.cssSelector("[data-chart-image]")).getDomProperty("hidden")));
            assertEquals(3, browser.driver.findElements(By.cssSelector("details.heat-map[open]")).size(), "a small group's heat maps all open");
            PrintOptions options = new PrintOptions();
            options.setPageSize(new PageSize(29.7, 21.0));
            options.setBackground(true);
            byte[] pdf = Base64.getDecoder().decode(browser.driver.print(options).getContent());
            Path file = Path.of("target/screenshots/report-print-3-reviewers.pdf");
            Files.createDirectories(file.getParent());
            Files.write(file, pdf);
            try (PDDocument printed = Loader.loadPDF(pdf)) {
                int pages = printed.getNumberOfPages();
                System.out.println("Report of 3 reviewers printed on " + pages + " A4 pages");
                assertTrue(pages <= 3, "printed on " + pages + " pages");
                PDFTextStripper text = new PDFTextStripper();
                text.setStartPage(1);
                text.setEndPage(1);
                String first = text.getText(printed);
                assertTrue(first.contains("Annotation report") && first.contains("Tags"), "page 1 holds more than the title: " + first);
                assertTrue(hasImage(printed), "the chart is printed as an image");
                for (int i = 1; i <= pages; i++) {
                    text.setStartPage(i);
                    text.setEndPage(i);
                    String[] lines = text.getText(printed).strip().split("\n");
                    String last = lines[lines.length - 1].strip();
                    assertTrue(!List.of("Tags", "Where the tags fall", "Reviewers", "Where the group split most").contains(last),
                            "page " + i + " ends on a heading: " + last);
                }
            }
        }
    }

    static boolean hasImage(PDDocument pdf) throws java.io.IOException {
        for (PDPage p : pdf.getPages()) {
            for (COSName name : p.getResources().getXObjectNames()) {
                if (p.getResources().getXObject(name) instanceof PDImageXObject image && image.getWidth() > 300) {
                    return true;
                }
            }
        }
        return false;
    }

    static void shoot(Browser browser, String name) throws Exception {
        Path shot = Path.of("target/screenshots", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}
