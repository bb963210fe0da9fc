package org.seminar.annotator.participation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.seminar.annotator.search.SearchApiTest;
import org.seminar.annotator.support.Accessibility;
import org.seminar.annotator.support.Browser;

/**
 * The participation page as a teacher and as a student (sorted with the keyboard, the score set by the
 * form, the student's own progress) and the search page from the box in the layout, with axe-core.
 */
@QuarkusTest
class ParticipationBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aTeacherSortsParticipationWithTheKeyboardAndAStudentSeesTheirProgress() throws Exception {
        String[] d = ParticipationApiTest.seminar("browser " + System.nanoTime(), LocalDate.now(ZoneOffset.UTC).plusDays(2));
        String page = new URL(base, "/documents/" + d[0] + "/participation?group=seminar-a").toString();
        try (Browser teacher = new Browser()) {
            teacher.signIn(page, "admin");
            assertEquals(List.of(), Accessibility.violations(teacher.driver), "participation page");
            WebElement annotations = teacher.driver.findElement(By.xpath("//table[@id='participation-0']//th/button[text()='Annotations']"));
            annotations.sendKeys(Keys.ENTER);
            assertEquals("ascending", annotations.findElement(By.xpath("..")).getAttribute("aria-sort"));
            assertEquals("reviewer1", usernames(teacher).get(usernames(teacher).size() - 1), "most annotations last");
            annotations.sendKeys(Keys.SPACE);
            assertEquals("descending", annotations.findElement(By.xpath("..")).getAttribute("aria-sort"));
            assertEquals("reviewer1", usernames(teacher).get(0), "most annotations first");
            assertEquals("none", teacher.driver.findElement(By.xpath("//table[@id='participation-0']//th[1]")).getAttribute("aria-sort"));
            assertTrue(teacher.driver.findElement(By.cssSelector(".sort-status")).getText().contains("Annotations, descending"));

            // the score: a refused value re-renders the form with the field named, a good one is set
            teacher.driver.findElement(By.id("s-annotations")).sendKeys("many");
            teacher.driver.findElement(By.id("s-replies")).sendKeys("1");
            teacher.driver.findElement(By.id("set-score")).click();
            assertTrue(teacher.driver.findElement(By.id("form-error")).getText().contains("Annotations:"),
                    teacher.driver.findElement(By.tagName("main")).getText());
            WebElement field = teacher.driver.findElement(By.id("s-annotations"));
            field.clear();
            field.sendKeys("2");
            teacher.driver.findElement(By.id("set-score")).click();
            // the form posts and the page comes back: an element found just before it does may be gone when read
            teacher.waitUpTo(Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(x -> x.findElement(By.id("score-text")).getText().contains("At least 2 annotations"));
            assertEquals(List.of(), Accessibility.violations(teacher.driver), "participation page with a score");
            WebElement again = teacher.driver.findElement(By.xpath("//table[@id='participation-0']//th/button[text()='Annotations']"));
            again.sendKeys(Keys.ENTER);
            again.sendKeys(Keys.ENTER);
            assertEquals("reviewer1", usernames(teacher).get(0), "most annotations first");
            teacher.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1150));
            screenshot(teacher, "participation.png");
            teacher.driver.findElement(By.linkText("seminar-a over the whole term")).sendKeys(Keys.ENTER);
            teacher.waitUpTo(Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().contains("/participation?group=seminar-a"));
            assertTrue(usernames(teacher).containsAll(List.of("reviewer1", "reviewer2", "reviewer3")), usernames(teacher).toString());
            assertEquals(List.of(), Accessibility.violations(teacher.driver), "the term, as a teacher");
        }
        try (Browser student = new Browser()) {
            student.signIn(new URL(base, "/documents/" + d[0] + "/participation").toString(), "reviewer2");
            assertTrue(student.driver.findElement(By.id("own-progress")).getText().contains("1 annotations, 2 replies"),
                    student.driver.findElement(By.id("own-progress")).getText());
            assertEquals(List.of("reviewer2"), usernames(student));
            assertEquals(List.of(), Accessibility.violations(student.driver), "a student's progress");
            student.driver.get(new URL(base, "/documents/" + d[0]).toString());
            WebElement progress = student.driver.findElement(By.id("reading-progress"));
            student.waitUpTo(Duration.ofSeconds(10)).until(x -> progress.isDisplayed());
            assertEquals("Your progress: 1 of 2 annotations and 2 of 1 replies before " + LocalDate.now(ZoneOffset.UTC).plusDays(2)
                    + "; the score is not reached yet. Details", progress.getText());
            student.driver.get(new URL(base, "/participation").toString());
            assertEquals(List.of("reviewer2"), usernames(student));
            assertEquals(List.of(), Accessibility.violations(student.driver), "the term");
        }
    }

    @Test
    void searchFromTheBoxInTheLayoutOpensThePlace() throws Exception {
        String w = SearchApiTest.word();
        String[] d = ParticipationApiTest.document("search page " + System.nanoTime(), LocalDate.now(ZoneOffset.UTC).plusDays(2));
        ParticipationApiTest.annotate("reviewer1", d[0], d[2], 4, 10, "second", "The " + w + " of <em>non-alignment</em>.");
        String[] other = ParticipationApiTest.document("search page two " + System.nanoTime(), LocalDate.now(ZoneOffset.UTC).plusDays(2));
        String a = ParticipationApiTest.annotate("reviewer2", other[0], other[1], 4, 9, "first", "Also " + w + ".");
        ParticipationApiTest.reply("reviewer1", a, "A reply on " + w + " too.");
        try (Browser reader = new Browser()) {
            reader.signIn(new URL(base, "/documents").toString(), "reviewer1");
            WebElement box = reader.driver.findElement(By.id("site-q"));
            box.sendKeys(w, Keys.ENTER);
            reader.waitUpTo(Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().contains("/search?q="));
            assertTrue(reader.driver.findElement(By.id("search-summary")).getText().startsWith("3 results"),
                    reader.driver.findElement(By.tagName("main")).getText());
            List<WebElement> marks = reader.driver.findElements(By.cssSelector(".search-hit mark"));
            assertTrue(marks.stream().allMatch(m -> m.getText().equals(w)) && marks.size() >= 2, "matches marked: " + marks.size());
            assertTrue(reader.driver.findElement(By.tagName("main")).getText().contains("non-alignment"), "the snippet's text");
            assertEquals(0, reader.driver.findElements(By.cssSelector(".search-hit em")).size());
            assertEquals(List.of(), Accessibility.violations(reader.driver), "search results");
            screenshot(reader, "search.png");
            WebElement first = reader.driver.findElements(By.cssSelector("a.open-place")).stream()
                    .filter(l -> l.getAttribute("href").endsWith("/documents/" + d[0] + "#" + d[2])).findFirst().orElseThrow();
            first.sendKeys(Keys.ENTER);
            reader.waitUpTo(Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().endsWith("/documents/" + d[0] + "#" + d[2]));
            reader.driver.get(new URL(base, "/search?q=" + "x".repeat(201)).toString());
            assertTrue(reader.driver.findElement(By.id("search-error")).getText().contains("too long"));
            assertEquals(List.of(), Accessibility.violations(reader.driver), "a refused search");
        }
    }

    private static List<String> usernames(Browser browser) {
        return browser.driver.findElements(By.cssSelector("table.participation tbody tr")).stream().map(r -> r.getAttribute("data-username")).toList();
    }

    private static void screenshot(Browser browser, String name) throws Exception {
        Path shot = Path.of("target/screenshots", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}
