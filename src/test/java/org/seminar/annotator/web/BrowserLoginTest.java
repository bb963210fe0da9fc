package org.seminar.annotator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.seminar.annotator.support.Browser;

/** A real browser signs in through Keycloak and sees who it is. */
@QuarkusTest
class BrowserLoginTest {

    @TestHTTPResource("/home")
    URL home;

    @Test
    void reviewerSignsInWithChromiumAndSeesTheirNameInTheHeader() {
        try (Browser browser = new Browser()) {
            browser.signIn(home.toString(), "reviewer4");
            assertEquals("Ravi Scholar", browser.driver.findElement(By.cssSelector("[data-testid=user-name]")).getText());
            assertEquals("Welcome, Ravi Scholar", browser.driver.findElement(By.tagName("h1")).getText());
        }
    }
}
