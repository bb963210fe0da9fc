package org.seminar.annotator.annotation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.seminar.annotator.support.Accessibility;
import org.seminar.annotator.support.Browser;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** Annotating part of a paragraph on a phone by touch, and with the keyboard alone. */
@QuarkusTest
class PhoneAndKeyboardBrowserTest {

    static final String TEXT = "Neutral states stay out of alliances. They keep their armies small. Some trade with everyone.";

    @TestHTTPResource("/")
    URL base;

    String newDocument(String title) {
        return Documents.importText(title + "\n\n" + TEXT + "\n\nA second paragraph to scroll past.");
    }

    static boolean inViewport(Browser b, WebElement e) {
        return (Boolean) b.driver.executeScript("const r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight && r.width > 0;", e);
    }

    @Test
    void onAPhoneATouchSelectionIsTaggedAndTheCardShowsWithoutScrollingByHand() throws Exception {
        String doc = newDocument("Phone Reading");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        try (Browser phone = Browser.phone()) {
            phone.signIn(new URL(base, "/documents/" + doc).toString(), "reviewer1");
            phone.waitUpTo(Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("reader")).getAttribute("data-ready")));
            // a finger touches the word "armies" (real touch input through the DevTools protocol), and the phone's
            // selection handles select it: headless Chromium does not turn a held touch into a word selection, so
            // the selection is made as the handles would make it; after the finger's touch, no mouse event comes
            WebElement ptext = phone.driver.findElement(By.cssSelector("#" + paragraph + " .ptext"));
            @SuppressWarnings("unchecked")
            Map<String, Object> point = (Map<String, Object>) phone.driver.executeScript("""
                    const ptext = arguments[0]; ptext.scrollIntoView({block: 'center'});
                    const node = [...ptext.childNodes].find(n => n.nodeType === 3 && n.textContent.includes('armies'));
                    const i = node.textContent.indexOf('armies');
                    const r = document.createRange(); r.setStart(node, i + 1); r.setEnd(node, i + 2);
                    const box = r.getBoundingClientRect();
                    window.__mouseEvents = 0;
                    ['mousedown', 'mouseup'].forEach(t => document.addEventListener(t, () => window.__mouseEvents++, true));
                    return {x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2)};""", ptext);
            Map<String, Object> touch = Map.of("x", point.get("x"), "y", point.get("y"));
            phone.driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", List.of(touch)));
            phone.driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
            phone.driver.executeScript("""
                    window.__mouseEvents = 0;
                    const ptext = arguments[0];
                    const node = [...ptext.childNodes].find(n => n.nodeType === 3 && n.textContent.includes('armies'));
                    const i = node.textContent.indexOf('armies');
                    const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 'armies'.length);
                    const s = window.getSelection(); s.removeAllRanges(); s.addRange(r);""", ptext);
            WebElement toolbar = phone.driver.findElement(By.id("toolbar"));
            phone.waitUpTo(Duration.ofSeconds(5)).until(d -> toolbar.isDisplayed());
            assertEquals("“armies”", toolbar.findElement(By.className("toolbar-quote")).getText());
            assertEquals(0L, phone.driver.executeScript("return window.__mouseEvents;"), "the box opened on the selection, no mouse event");
            WebElement save = toolbar.findElement(By.className("toolbar-save"));
            assertTrue(inViewport(phone, save), "Save is on the screen");
            assertEquals(List.of(), Accessibility.seriousViolations(phone.driver), "phone, tagging box open");
            toolbar.findElement(By.cssSelector(".tag-button[data-slug=neutrality]")).click();
            toolbar.findElement(By.tagName("textarea")).sendKeys("Small armies, small threat.");
            save.click();

            // the card is drawn from the answer to the save and drawn again when the live event of it arrives: each
            // look finds it anew, and it must be on the screen with the comment whichever drawing is current
            String cardText = phone.waitUpTo(Duration.ofSeconds(8)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.cssSelector("#panel-list .card")).stream().findFirst()
                            .filter(c -> inViewport(phone, c)).map(WebElement::getText).orElse(null));
            assertTrue(cardText.contains("Small armies, small threat."), cardText);
            Path shot = Path.of("target/screenshots/phone-card.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, phone.driver.getScreenshotAs(OutputType.BYTES));
        }
        List<Map<String, Object>> saved = given().header("Authorization", Tokens.bearer("reviewer1"))
                .get("/api/documents/" + doc + "/annotations").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, saved.size());
        assertEquals("armies", saved.get(0).get("quote"), "part of the paragraph, not all of it");
    }

    @Test
    void withTheKeyboardAloneAPassageIsNarrowedTaggedAndFocusNeverFallsToTheTop() throws Exception {
        String doc = newDocument("Keyboard Reading");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        int presses = 0;
        try (Browser browser = new Browser()) {
            String page = new URL(base, "/documents/" + doc).toString();
            browser.driver.get(page);
            browser.waitUpTo(Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("username")).isEmpty());
            browser.driver.findElement(By.id("username")).sendKeys("reviewer1");
            browser.driver.findElement(By.id("password")).sendKeys("reviewer1", Keys.ENTER);
            browser.waitUpTo(Duration.ofSeconds(20)).until(d -> page.equals(d.getCurrentUrl()));
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("reader")).getAttribute("data-ready")));

            Actions keys = new Actions(browser.driver);
            String plus = "#" + paragraph + " .tag-para";
            while (!isFocused(browser, plus)) {
                keys.sendKeys(Keys.TAB).perform();
                assertTrue(++presses < 80, "the paragraph's + button is reachable by Tab");
            }
            keys.sendKeys(Keys.ENTER).perform();
            presses++;
            assertTrue(browser.driver.findElement(By.id("toolbar")).isDisplayed());
            keys.sendKeys(Keys.ESCAPE).perform();
            presses++;
            assertTrue(isFocused(browser, plus), "Esc gives focus back to the + button");

            keys.sendKeys(Keys.ENTER).perform();      // open again, focus on the first tag
            keys.sendKeys("1").perform();             // tag: neutrality
            presses += 2;
            // narrow to the first sentence: to "◀ end" and press it twice
            while (!isFocused(browser, "#toolbar [data-step='end:-1']")) {
                keys.sendKeys(Keys.TAB).perform();
                assertTrue(++presses < 120, "the sentence buttons are reachable inside the box");
            }
            keys.sendKeys(Keys.ENTER).sendKeys(Keys.ENTER).perform();
            presses += 2;
            assertEquals("“Neutral states stay out of alliances.”", browser.driver.findElement(By.className("toolbar-quote")).getText());
            keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            presses++;
            browser.waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElement(By.id("toolbar")).isDisplayed());
            String focused = (String) browser.driver.executeScript("return document.activeElement.dataset.annotationId || document.activeElement.tagName;");
            assertTrue(focused.startsWith("a"), "after saving, focus is on the new card, not the page's top: " + focused);
            assertEquals(List.of(), Accessibility.seriousViolations(browser.driver));
        }
        System.out.println("keyboard flow: " + presses + " key presses from page load to saved annotation");
        List<Map<String, Object>> saved = given().header("Authorization", Tokens.bearer("reviewer1"))
                .get("/api/documents/" + doc + "/annotations").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, saved.size());
        assertEquals(0, saved.get(0).get("start"));
        assertEquals("Neutral states stay out of alliances.", saved.get(0).get("quote"));
    }

    static boolean isFocused(Browser browser, String selector) {
        return (Boolean) browser.driver.executeScript("return document.activeElement === document.querySelector(arguments[0]);", selector);
    }
}
