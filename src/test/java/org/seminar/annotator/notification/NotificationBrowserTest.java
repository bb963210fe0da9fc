package org.seminar.annotator.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.seminar.annotator.support.Accessibility;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Mailbox;

/**
 * In the browser: Rita mentions Rob with the keyboard only (@, arrows, Enter), Rob finds it in his inbox through
 * the bell and marks it read, and his mail shows as a page. axe-core finds nothing on any of them.
 */
@QuarkusTest
class NotificationBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aMentionTypedWithTheKeyboardReachesTheInboxAndTheMail() throws Exception {
        String doc = Documents.importText("Mentioned Reading\n\nSmall states often declare neutrality to stay out of wars.\n\nA second paragraph.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String page = new URL(base, "/documents/" + doc).toString();

        try (Browser rita = new Browser()) {
            rita.signIn(page, "reviewer1");
            rita.waitUpTo(Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("reader")).getAttribute("data-ready")));
            rita.driver.findElement(By.cssSelector("#" + paragraph + " .tag-para")).click();
            WebElement toolbar = rita.driver.findElement(By.id("toolbar"));
            rita.waitUpTo(Duration.ofSeconds(5)).until(d -> toolbar.isDisplayed());
            rita.driver.switchTo().activeElement().sendKeys("1");
            WebElement comment = toolbar.findElement(By.tagName("textarea"));
            comment.sendKeys("Worth a look, @ro");
            WebElement list = rita.waitUpTo(Duration.ofSeconds(5)).until(d -> {
                WebElement l = d.findElement(By.id("mention-list"));
                return l.isDisplayed() ? l : null;
            });
            assertEquals("listbox", list.getAttribute("role"));
            List<String> offered = list.findElements(By.cssSelector("[role=option]")).stream().map(o -> o.getAttribute("data-username")).toList();
            assertTrue(offered.containsAll(List.of("reviewer2", "reviewer3")) && !offered.contains("reviewer1") && !offered.contains("reviewer4"),
                    "the people of the group (not Rita herself, not seminar-b) whose name or username starts so: " + offered);
            assertEquals("mention-list", comment.getAttribute("aria-controls"));
            assertEquals("true", list.findElement(By.cssSelector("[data-username=" + offered.get(0) + "]")).getAttribute("aria-selected"));
            comment.sendKeys(Keys.ARROW_DOWN);
            assertEquals("true", list.findElement(By.cssSelector("[data-username=" + offered.get(1) + "]")).getAttribute("aria-selected"));
            assertEquals("mention-option-1", comment.getAttribute("aria-activedescendant"));
            comment.sendKeys(Keys.ARROW_UP);
            assertEquals("mention-option-0", comment.getAttribute("aria-activedescendant"));
            for (int i = 0; i < offered.indexOf("reviewer2"); i++) {
                comment.sendKeys(Keys.ARROW_DOWN);
            }
            assertEquals("true", list.findElement(By.cssSelector("[data-username=reviewer2]")).getAttribute("aria-selected"));
            assertEquals(List.of(), Accessibility.violations(rita.driver), "reading page with the people to mention offered");
            screenshot(rita, "mention.png");
            comment.sendKeys(Keys.ENTER);
            assertFalse(list.isDisplayed(), "Enter takes the person and closes the list");
            assertTrue(toolbar.isDisplayed(), "and does not close the tagging box");
            assertEquals("Worth a look, @reviewer2 ", comment.getAttribute("value"));
            comment.sendKeys("what do you think?");
            comment.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
            WebElement mention = rita.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("#panel-list .card .mention")));
            assertEquals("@Rob Reader", mention.getText());
        }

        try (Browser rob = new Browser()) {
            rob.signIn(new URL(base, "/home").toString(), "reviewer2");
            WebElement count = rob.waitUpTo(Duration.ofSeconds(20)).until(d -> {
                d.navigate().refresh();
                WebElement c = d.findElement(By.id("bell-count"));
                return c.isDisplayed() ? c : null;
            });
            assertTrue(count.getText().matches("(?s)\\d+\\s*(unread)?"), count.getText());
            rob.driver.findElement(By.id("bell")).click();
            rob.waitUpTo(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("/notifications"));
            WebElement entry = rob.driver.findElements(By.cssSelector(".inbox-entry")).stream()
                    .filter(e -> e.getText().contains("Rita Reviewer mentioned you in “Mentioned Reading”")).findFirst().orElseThrow();
            assertTrue(entry.getAttribute("class").contains("unread"));
            assertEquals("/documents/" + doc + "#" + paragraph, new URL(entry.findElement(By.cssSelector("a")).getAttribute("href")).getFile()
                    + "#" + new URL(entry.findElement(By.cssSelector("a")).getAttribute("href")).getRef());
            assertEquals(List.of(), Accessibility.violations(rob.driver), "inbox");
            screenshot(rob, "inbox.png");
            String id = entry.getAttribute("data-notification-id");
            entry.findElement(By.cssSelector("button")).click();
            rob.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector(".flash")).stream()
                    .anyMatch(f -> f.getText().equals("Marked as read.")));
            WebElement read = rob.driver.findElement(By.cssSelector("[data-notification-id=" + id + "]"));
            assertFalse(read.getAttribute("class").contains("unread"), "marked read");
            assertEquals("Mark as unread", read.findElement(By.cssSelector("button")).getText());
            assertEquals(List.of(), Accessibility.violations(rob.driver), "inbox after marking read");
            rob.driver.get(new URL(base, "/account/notifications").toString());
            assertEquals("Notification settings", rob.driver.findElement(By.tagName("h1")).getText());
            assertEquals(List.of(), Accessibility.violations(rob.driver), "notification settings");
            rob.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            rob.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector(".flash")).getText()
                    .equals("Your notification settings are saved."));
            assertTrue(rob.driver.findElement(By.id("mail-mention")).isSelected(), "mentions are still mailed");

            Mailbox.Mail mail = Mailbox.awaitMail("reviewer2@seminar.example.org",
                    m -> m.stream().anyMatch(x -> x.html().contains("Mentioned Reading")), Duration.ofSeconds(20)).stream()
                    .filter(x -> x.html().contains("Mentioned Reading")).findFirst().orElseThrow();
            Path html = Files.createTempFile("notification-mail", ".html");
            Files.writeString(html, mail.html());
            rob.driver.get(html.toUri().toString());
            assertTrue(rob.driver.findElement(By.tagName("body")).getText().contains("Rita Reviewer mentioned you"));
            screenshot(rob, "notification-mail.png");
        }
    }

    @Test
    void theBellOnTheReadingPageCountsAReplyAsItHappens() throws Exception {
        String doc = Documents.importText("Bell Reading\n\nA paragraph whose annotation gets a reply while its author reads.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String annotation = io.restassured.RestAssured.given().header("Authorization", org.seminar.annotator.support.Tokens.bearer("reviewer2"))
                .contentType("application/json").body(java.util.Map.of("paragraphId", paragraph, "start", 2, "end", 11, "quote", "paragraph",
                        "tags", List.of("neutrality"), "comment", "Mine"))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().<String>path("id");
        try (Browser rob = new Browser()) {
            rob.signIn(new URL(base, "/documents/" + doc).toString(), "reviewer2");
            rob.waitUpTo(Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("reader")).getAttribute("data-ready")));
            int before = unread(rob);
            io.restassured.RestAssured.given().header("Authorization", org.seminar.annotator.support.Tokens.bearer("reviewer1"))
                    .contentType("application/json").body(java.util.Map.of("comment", "A reply Rob should hear of"))
                    .post("/api/annotations/" + annotation + "/replies").then().statusCode(201);
            // no reload: the document's event stream tells the bell, which reads the inbox again
            rob.waitUpTo(Duration.ofSeconds(20)).until(d -> unread(rob) > before);
        }
    }

    private static int unread(Browser browser) {
        WebElement count = browser.driver.findElement(By.id("bell-count"));
        String digits = count.getAttribute("textContent").replaceAll("\\D", "");
        return !count.isDisplayed() || digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static void screenshot(Browser browser, String name) throws Exception {
        Path shot = Path.of("target/screenshots", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}
