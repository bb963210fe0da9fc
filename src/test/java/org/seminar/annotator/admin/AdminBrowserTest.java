package org.seminar.annotator.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.seminar.annotator.support.Browser;

/** The admin area in a browser: an admin creates an account, the new person signs in; reviewers are kept out. */
@QuarkusTest
class AdminBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void adminCreatesAUserInTheAdminAreaAndThatUserSignsIn() throws Exception {
        String username = AdminApiTest.unique("ui");
        try (Browser admin = new Browser()) {
            admin.signIn(new URL(base, "/admin").toString(), "admin");
            admin.driver.findElement(By.id("nu-username")).sendKeys(username);
            admin.driver.findElement(By.id("nu-first")).sendKeys("Una");
            admin.driver.findElement(By.id("nu-last")).sendKeys("Interface");
            admin.driver.findElement(By.id("nu-email")).sendKeys(username + "@school.example.org");
            admin.driver.findElement(By.id("nu-password")).sendKeys("welcome-123");
            admin.driver.findElement(By.cssSelector("input[name=temporary]")).click(); // not temporary: sign in directly
            admin.driver.findElement(By.cssSelector("input[name=groups][value=seminar-a]")).click();
            admin.driver.findElement(By.id("create-user")).click();
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.className("flash"),
                    "Account " + username + " created."));
            assertTrue(admin.driver.findElement(By.tagName("h1")).getText().contains("Una Interface"));
        }
        try (Browser una = new Browser()) {
            una.signIn(new URL(base, "/account").toString(), username, "welcome-123");
            assertEquals("Una Interface", una.driver.findElement(By.cssSelector("[data-testid=user-name]")).getText());
            assertTrue(una.driver.findElement(By.tagName("main")).getText().contains("seminar-a"));
        }
    }

    @Test
    void adminLoadsACodebookFromAFileSeesThePreviewAndCreatesTheTags() throws Exception {
        String run = String.valueOf(System.nanoTime() % 1_000_000);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("codebook", ".qdc");
        java.nio.file.Files.writeString(file, "<?xml version=\"1.0\" encoding=\"utf-8\"?><CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>"
                + "<Code guid=\"4b7c1a2e-0000-4000-8000-000000000001\" name=\"Regime " + run + "\" isCodable=\"false\">"
                + "<Code guid=\"4b7c1a2e-0000-4000-8000-000000000002\" name=\"Sovereignty\" isCodable=\"true\" color=\"#8B0000\"/></Code>"
                + "<Code guid=\"4b7c1a2e-0000-4000-8000-000000000003\" name=\"Neutrality\" isCodable=\"true\"/></Codes></CodeBook>");
        try (Browser admin = new Browser()) {
            admin.signIn(new URL(base, "/admin/codebook").toString(), "admin");
            admin.driver.findElement(By.id("codebook-file")).sendKeys(file.toString());
            admin.driver.findElement(By.cssSelector("form[action='/admin/codebook'] button[type=submit]")).click();
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("codebook-preview")));
            String preview = admin.driver.findElement(By.id("codebook-preview")).getText();
            assertTrue(preview.contains("Regime " + run + " / Sovereignty") && preview.contains("a new tag"), preview);
            assertTrue(preview.contains("exists already"), preview);
            assertEquals(java.util.List.of(), org.seminar.annotator.support.Accessibility.seriousViolations(admin.driver));
            admin.driver.findElement(By.id("confirm-codebook")).click();
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.className("flash"),
                    "1 tag created; 1 existed already"));
            assertTrue(admin.driver.findElement(By.id("codebook")).getText().contains("Regime " + run + " / Sovereignty"));
        } finally {
            // the codebook other tests see stays the default one
            io.restassured.RestAssured.given().header("Authorization", org.seminar.annotator.support.Tokens.bearer("admin"))
                    .contentType("application/json").body(java.util.Map.of("retired", true)).put("/api/tags/regime-" + run + "-sovereignty");
        }
    }

    @Test
    void theAdminLogReadsAsSentencesInTheReadersTimeZoneAndFilters() throws Exception {
        io.restassured.RestAssured.given().header("Authorization", org.seminar.annotator.support.Tokens.bearer("admin"))
                .contentType("application/json").body(java.util.Map.of("name", "log-" + System.nanoTime() % 1_000_000))
                .post("/api/admin/groups").then().statusCode(201);
        try (Browser admin = new Browser()) {
            admin.signIn(new URL(base, "/admin/log").toString(), "admin");
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("log")));
            String time = admin.driver.findElement(By.cssSelector("#log time.local")).getText();
            assertTrue(!time.endsWith("UTC") && !time.isBlank(), "shown in the reader's time zone: " + time);
            String sentence = admin.driver.findElement(By.cssSelector("#log td.sentence")).getText();
            assertTrue(sentence.startsWith("Ada Admin created the seminar group log-"), sentence);
            java.nio.file.Path shot = java.nio.file.Path.of("target/screenshots/admin-log.png");
            java.nio.file.Files.createDirectories(shot.getParent());
            java.nio.file.Files.write(shot, admin.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            new org.openqa.selenium.support.ui.Select(admin.driver.findElement(By.id("log-action"))).selectByValue("group-create");
            admin.driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("action=group-create"));
            for (var cell : admin.driver.findElements(By.cssSelector("#log td.sentence"))) {
                assertTrue(cell.getText().contains("created the seminar group"), cell.getText());
            }
            assertEquals(java.util.List.of(), org.seminar.annotator.support.Accessibility.seriousViolations(admin.driver));
        }
    }

    @Test
    void deletingAGroupAsksFirstAndCancellingKeepsIt() throws Exception {
        String name = "gone-" + System.nanoTime() % 1_000_000;
        io.restassured.RestAssured.given().header("Authorization", org.seminar.annotator.support.Tokens.bearer("admin"))
                .contentType("application/json").body(java.util.Map.of("name", name)).post("/api/admin/groups").then().statusCode(201);
        try (Browser admin = new Browser()) {
            admin.signIn(new URL(base, "/admin/groups").toString(), "admin");
            By delete = By.cssSelector("button[aria-label='Delete " + name + "']");
            admin.driver.findElement(delete).click();
            var question = admin.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
            assertTrue(question.getText().contains("Delete the seminar group " + name), question.getText());
            question.dismiss();
            assertTrue(admin.driver.findElement(By.tagName("main")).getText().contains(name), "cancelled: the group stays");
            admin.driver.findElement(delete).click();
            admin.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
            admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.className("flash"), "Group deleted."));
            assertTrue(!admin.driver.findElement(By.tagName("table")).getText().contains(name));
        }
    }

    @Test
    void reviewersAreRefusedEveryAdminPage() throws Exception {
        try (WebClient client = new WebClient()) {
            client.getOptions().setJavaScriptEnabled(false);
            client.getOptions().setCssEnabled(false);
            client.getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage form = client.getPage(new URL(base, "/home"));
            form.getHtmlElementById("username").type("reviewer1");
            form.getHtmlElementById("password").type("reviewer1");
            form.getHtmlElementById("kc-login").click();
            for (String page : new String[] { "/admin", "/admin/groups", "/admin/import", "/admin/codebook", "/admin/log", "/admin/users/x" }) {
                assertEquals(403, client.getPage(new URL(base, page)).getWebResponse().getStatusCode(), page);
            }
        }
    }
}
