package org.seminar.annotator.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seminar.annotator.support.PageSessions.browser;
import static org.seminar.annotator.support.PageSessions.login;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Tokens;

/** Signs in through Keycloak's real login form with the authorization code flow, without JavaScript. */
@QuarkusTest
class CodeFlowLoginTest {

    @TestHTTPResource("/")
    URL base;


    @Test
    void reviewerSignsInThroughKeycloakAndSeesTheirNameOnTheHomePage() throws Exception {
        try (WebClient client = browser()) {
            HtmlPage home = login(client, new URL(base, "/home"), "reviewer1");
            assertEquals(new URL(base, "/home").toString(), home.getUrl().toString());
            assertEquals("Rita Reviewer", home.getHtmlElementById("main").querySelector("h1").getTextContent().replace("Welcome, ", ""));
            assertTrue(home.asNormalizedText().contains("seminar-a"));

            Page me = client.getPage(new URL(base, "/api/me"));
            assertEquals(200, me.getWebResponse().getStatusCode());
            assertTrue(me.getWebResponse().getContentAsString().contains("\"username\":\"reviewer1\""));
        }
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() throws Exception {
        try (WebClient client = browser()) {
            login(client, new URL(base, "/home"), "reviewer2");
            HtmlPage after = client.getPage(new URL(base, "/logout"));
            assertEquals(new URL(base, "/").getPath(), after.getUrl().getPath(), "back on the landing page");
            HtmlPage again = client.getPage(new URL(base, "/home"));
            assertTrue(again.getUrl().toString().startsWith(Tokens.realmUrl()),
                    "after sign-out a page asks for the password again, got " + again.getUrl());
            assertEquals(401, client.getPage(new URL(base, "/api/me")).getWebResponse().getStatusCode());
        }
    }

    @Test
    void wrongPasswordStaysOnTheLoginForm() throws Exception {
        // a fresh account: wrong passwords count towards Keycloak's lockout, never on a shared demo account
        String username = "typo" + System.nanoTime() % 1_000_000;
        SessionsAndTokensTest.newAccount(username, List.of("reviewer"), List.of("seminar-a"));
        try (WebClient client = browser()) {
            HtmlPage form = client.getPage(new URL(base, "/home"));
            form.getHtmlElementById("username").type(username);
            form.getHtmlElementById("password").type("wrong");
            HtmlPage result = form.getHtmlElementById("kc-login").click();
            assertTrue(result.getUrl().toString().startsWith(Tokens.realmUrl()));
            assertTrue(result.asNormalizedText().contains("Invalid username or password"));
        }
    }
}
