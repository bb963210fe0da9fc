package org.seminar.annotator.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seminar.annotator.account.SessionsAndTokensTest.asAdmin;
import static org.seminar.annotator.support.PageSessions.browser;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.seminar.annotator.support.Tokens;

/**
 * Guessing passwords is slowed and then stopped: Keycloak's brute-force detection locks an account
 * for a while after a few wrong passwords, even against the right one, and the sign-in page says
 * so. Every test here uses its own fresh account: the demo accounts other tests sign in with are
 * never locked.
 */
@QuarkusTest
class PasswordGuessingTest {

    private static final String RIGHT = "right-password-1";

    @TestHTTPResource("/")
    URL base;
    @Inject
    Keycloak keycloak;

    @Test
    void sixWrongPasswordsLockTheAccountAndTheSignInPageSaysItIsTemporarilyLocked() throws Exception {
        String username = unique("guess");
        String id = account(username);
        for (int i = 0; i < 6; i++) {
            passwordGrant(username, "wrong-guess-" + i).statusCode(401).body("error", equalTo("invalid_grant"));
        }
        awaitLocked(id);

        // the right password no longer opens it (Keycloak answers as for a wrong one: nothing is learnt from the answer)
        passwordGrant(username, RIGHT).statusCode(401).body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("Invalid user credentials"));

        try (WebClient client = browser()) {
            HtmlPage form = client.getPage(new URL(base, "/home"));
            form.getHtmlElementById("username").type(username);
            form.getHtmlElementById("password").type(RIGHT);
            HtmlPage result = form.getHtmlElementById("kc-login").click();
            assertTrue(result.getUrl().toString().startsWith(Tokens.realmUrl()), "still on the sign-in page, got " + result.getUrl());
            String text = result.asNormalizedText();
            assertTrue(text.contains("This account is temporarily locked after too many failed sign-ins"), text);
        }
    }

    @Test
    void oneMistypedPasswordLocksNothing() {
        String username = unique("typo");
        account(username);
        passwordGrant(username, "right-password-l").statusCode(401);
        passwordGrant(username, RIGHT).statusCode(200);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static ValidatableResponse passwordGrant(String username, String password) {
        return given().formParams(Map.of("grant_type", "password", "client_id", "annotator-web", "client_secret", "annotator-secret",
                "username", username, "password", password)).post(Tokens.tokenUrl()).then();
    }

    /** Polls Keycloak's own view of the account (never with the right password, which would count as a success). */
    private void awaitLocked(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        Map<String, Object> status = Map.of();
        while (Instant.now().isBefore(deadline)) {
            status = keycloak.realm("seminar").attackDetection().bruteForceUserStatus(id);
            if (Boolean.TRUE.equals(status.get("disabled"))) {
                return;
            }
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("Keycloak did not lock the account within 10 s: " + status);
    }

    private static String unique(String prefix) {
        return String.format("%s%08d", prefix, System.nanoTime() % 100_000_000);
    }

    private static String account(String username) {
        return org.seminar.annotator.support.Accounts.create(username, RIGHT, List.of("reviewer"), List.of("seminar-a"));
    }
}
