package org.seminar.annotator.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seminar.annotator.account.SessionsAndTokensTest.asAdmin;
import static org.seminar.annotator.account.SessionsAndTokensTest.awaitStatus;
import static org.seminar.annotator.support.PageSessions.browser;
import static org.seminar.annotator.support.PageSessions.login;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserSessionRepresentation;
import org.seminar.annotator.support.Tokens;

/**
 * A session that has ended is refused at once, whoever holds a copy of its cookie: after signing out
 * here, after Keycloak ended it (an admin there, or sign-out elsewhere, told over the back channel),
 * after an admin disabled the account here, and when another app instance recorded the end.
 */
@QuarkusTest
class EndedSessionsTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Keycloak keycloak;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCopyOfTheSessionCookieTakenBeforeSignOutIsRefusedAfterIt() throws Exception {
        String username = unique("out");
        account(username);
        try (WebClient client = browser()) {
            login(client, new URL(base, "/home"), username);
            Map<String, String> copy = sessionCookies(client);
            given().cookies(copy).get("/api/me").then().statusCode(200);

            HtmlPage after = client.getPage(new URL(base, "/logout"));
            assertEquals("/", after.getUrl().getPath(), "signed out onto the landing page");

            given().redirects().follow(false).cookies(copy).accept("text/html").get("/home").then().statusCode(302)
                    .header("Location", "/home").header("Set-Cookie", containsString("Max-Age=0"));
            given().cookies(copy).get("/api/me").then().statusCode(401).contentType("application/problem+json");
            given().cookies(copy).get("/api/documents").then().statusCode(401);
        }
    }

    @Test
    void aSessionEndedInKeycloakIsRefusedOnItsNextRequest() throws Exception {
        String username = unique("kcend");
        String id = account(username);
        try (WebClient client = browser()) {
            login(client, new URL(base, "/home"), username);
            Map<String, String> copy = sessionCookies(client);
            given().cookies(copy).get("/api/me").then().statusCode(200);

            // an admin ends the account's sessions in Keycloak's own console (its Admin API here)
            keycloak.realm("seminar").users().get(id).logout();

            given().cookies(copy).get("/api/me").then().statusCode(401);
            // refused for good, not once: the browser holding the same session goes back to sign-in too
            given().cookies(copy).get("/api/me").then().statusCode(401);
            HtmlPage next = client.getPage(new URL(base, "/documents"));
            assertTrue(next.getUrl().toString().startsWith(Tokens.realmUrl()), "back to sign-in, got " + next.getUrl());
        }
    }

    @Test
    void disablingAnAccountEndsItsSessionsForGoodEvenWhenItIsEnabledAgain() throws Exception {
        String username = unique("dis");
        String id = account(username);
        try (WebClient client = browser()) {
            login(client, new URL(base, "/home"), username);
            Map<String, String> copy = sessionCookies(client);
            given().cookies(copy).get("/api/me").then().statusCode(200);

            asAdmin("PUT", "/api/admin/users/" + id, Map.of("enabled", false)).statusCode(200);
            given().cookies(copy).get("/api/me").then().statusCode(401);
            asAdmin("PUT", "/api/admin/users/" + id, Map.of("enabled", true)).statusCode(200);
            given().cookies(copy).get("/api/me").then().statusCode(401);
        }
        try (WebClient again = browser()) { // signing in anew works
            login(again, new URL(base, "/home"), username);
            assertEquals(200, again.getPage(new URL(base, "/api/me")).getWebResponse().getStatusCode());
        }
    }

    @Test
    void aSessionEndedThroughAnotherAppInstanceIsRefusedHereWithinSeconds() throws Exception {
        String username = unique("other");
        String id = account(username);
        try (WebClient client = browser()) {
            login(client, new URL(base, "/home"), username);
            Map<String, String> copy = sessionCookies(client);
            given().cookies(copy).get("/api/me").then().statusCode(200);

            List<UserSessionRepresentation> sessions = keycloak.realm("seminar").users().get(id).getUserSessions();
            assertEquals(1, sessions.size());
            // what another instance writes when someone signs out there; Keycloak itself is not told
            try (Connection c = dataSource.getConnection();
                    PreparedStatement insert = c.prepareStatement("insert into ended_sessions (sid) values (?)")) {
                insert.setString(1, sessions.get(0).getId());
                insert.executeUpdate();
            }
            awaitStatus(() -> given().cookies(copy).get("/api/me"), 401, "the session ended by another instance");
            given().redirects().follow(false).cookies(copy).accept("text/html").get("/home").then().statusCode(302)
                    .header("Location", "/home");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static String unique(String prefix) {
        return String.format("%s%08d", prefix, System.nanoTime() % 100_000_000);
    }

    /** A fresh reviewer account whose password is its username (as PageSessions.login types it). */
    private static String account(String username) {
        return org.seminar.annotator.support.Accounts.create(username, username, List.of("reviewer"), List.of("seminar-a"));
    }

    /** The session cookies as a script would copy them out of the browser (the tokens are split over several). */
    private static Map<String, String> sessionCookies(WebClient client) {
        Map<String, String> cookies = client.getCookieManager().getCookies().stream().filter(c -> c.getName().startsWith("q_session"))
                .collect(Collectors.toMap(org.htmlunit.util.Cookie::getName, org.htmlunit.util.Cookie::getValue));
        assertFalse(cookies.isEmpty(), "signed in with a session cookie");
        return cookies;
    }
}
