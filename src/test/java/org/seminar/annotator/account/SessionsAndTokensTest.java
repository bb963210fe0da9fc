package org.seminar.annotator.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.PageSessions;
import org.seminar.annotator.support.Tokens;

/**
 * Who is asking is decided on every request: an unreadable session means signed out (never an
 * error), only this app's access tokens open the API, and an account disabled, stripped of a role
 * or moved out of a group loses what it lost on its next request, not when its token expires.
 */
@QuarkusTest
class SessionsAndTokensTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Keycloak keycloak;

    // ---- sessions ---------------------------------------------------------------------------

    @Test
    void anUnreadableSessionCookieMeansSignedOutNeverAnError() {
        for (String cookie : List.of("garbage", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC")) {
            given().redirects().follow(false).cookie("q_session", cookie).accept("text/html").get("/")
                    .then().statusCode(302).header("Location", "/").header("Set-Cookie", org.hamcrest.Matchers.containsString("Max-Age=0"));
            given().redirects().follow(false).accept("text/html").get("/").then().statusCode(200);
            given().redirects().follow(false).cookie("q_session", cookie).accept("text/html").get("/documents")
                    .then().statusCode(302).header("Location", "/documents");
            given().redirects().follow(false).accept("text/html").get("/documents")
                    .then().statusCode(302).header("Location", org.hamcrest.Matchers.startsWith(Tokens.realmUrl()));
            given().cookie("q_session", cookie).get("/api/me").then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void aBrowserWithAStaleCookieReachesSignIn() throws Exception {
        try (WebClient client = PageSessions.browser()) {
            client.getCookieManager().addCookie(new org.htmlunit.util.Cookie("localhost", "q_session", "stale-from-another-install"));
            HtmlPage landing = client.getPage(new URL(base, "/"));
            assertEquals(200, landing.getWebResponse().getStatusCode());
            HtmlPage signIn = client.getPage(new URL(base, "/home"));
            assertTrue(signIn.getUrl().toString().startsWith(Tokens.realmUrl()), "sign-in, got " + signIn.getUrl());
        }
    }

    // ---- tokens -----------------------------------------------------------------------------

    @Test
    void onlyAccessTokensIssuedToThisAppOpenTheApi() {
        Map<String, Object> grant = new HashMap<>(Map.of("grant_type", "password", "client_id", "annotator-web",
                "client_secret", "annotator-secret", "username", "reviewer1", "password", "reviewer1", "scope", "openid"));
        var tokens = given().formParams(grant).post(Tokens.tokenUrl()).then().statusCode(200).extract().jsonPath();
        String foreign = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "reviewer1",
                "password", "reviewer1")).post(Tokens.tokenUrl()).then().statusCode(200).extract().path("access_token");
        String doc = Documents.bundledId();
        String paragraph = Documents.document(doc).getString("sections[2].paragraphs[1].id");
        Map<String, Object> annotation = Map.of("paragraphId", paragraph, "start", 0, "end", 3, "quote",
                Documents.document(doc).getString("sections[2].paragraphs[1].text").substring(0, 3), "tags", List.of("neutrality"));
        for (String token : List.of(tokens.getString("id_token"), tokens.getString("refresh_token"), foreign)) {
            given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401);
            given().header("Authorization", "Bearer " + token).contentType("application/json").body(annotation)
                    .post("/api/documents/" + doc + "/annotations").then().statusCode(401);
        }
        given().header("Authorization", "Bearer " + tokens.getString("access_token")).get("/api/me").then().statusCode(200);
    }

    @Test
    void aTokenAlreadyVerifiedOpensTheApiButNoTokenThatDiffersFromItByOneCharacter() {
        String token = Tokens.fresh("reviewer2", "reviewer2");
        for (int i = 0; i < 3; i++) { // the first request verifies the token, the next ones find it verified
            given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200).body("username", equalTo("reviewer2"));
        }
        int signature = token.lastIndexOf('.') + 1;
        String[] parts = token.split("\\.");
        List<String> forged = List.of(
                token.substring(0, signature) + flip(token.charAt(signature)) + token.substring(signature + 1), // signature
                parts[0] + "." + parts[1].substring(0, 10) + flip(parts[1].charAt(10)) + parts[1].substring(11) + "." + parts[2], // claims
                token + "A", token.substring(0, token.length() - 1));
        for (String other : forged) {
            given().header("Authorization", "Bearer " + other).get("/api/me").then().statusCode(401);
        }
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200);
    }

    private static char flip(char c) {
        return c == 'A' ? 'B' : 'A';
    }

    // ---- accounts changing under a live token --------------------------------------------------

    @Test
    void disablingThroughTheAppLocksAnOpenTokenOutAtOnce() {
        String username = "lock" + System.nanoTime() % 1_000_000;
        String id = newAccount(username, List.of("reviewer"), List.of("seminar-a"));
        String token = Tokens.fresh(username, "password-1");
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200);
        asAdmin("PUT", "/api/admin/users/" + id, Map.of("enabled", false)).statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401);
        given().header("Authorization", "Bearer " + token).get("/api/documents").then().statusCode(401);
    }

    @Test
    void changesMadeInKeycloakItselfTakeEffectWithinSeconds() throws Exception {
        String username = "kc" + System.nanoTime() % 1_000_000;
        String id = newAccount(username, List.of("reviewer", "admin"), List.of("seminar-a"));
        String token = Tokens.fresh(username, "password-1");
        String bearer = "Bearer " + token;
        given().header("Authorization", bearer).get("/api/admin/log").then().statusCode(200);
        given().header("Authorization", bearer).get("/api/me").then().body("groups", equalTo(List.of("seminar-a")));

        var user = keycloak.realm("seminar").users().get(id);
        user.roles().realmLevel().remove(List.of(keycloak.realm("seminar").roles().get("admin").toRepresentation()));
        String seminarA = keycloak.realm("seminar").groups().groups("seminar-a", true, 0, 1, true).get(0).getId();
        user.leaveGroup(seminarA);
        awaitStatus(() -> given().header("Authorization", bearer).get("/api/admin/log"), 403, "the admin role taken away");
        given().header("Authorization", bearer).get("/api/me").then().body("groups", equalTo(List.of()));

        var representation = user.toRepresentation();
        representation.setEnabled(false);
        user.update(representation);
        awaitStatus(() -> given().header("Authorization", bearer).get("/api/me"), 401, "the account disabled");
    }

    @Test
    void aDisabledAccountsSessionEndsOnItsNextPage() throws Exception {
        String username = "sess" + System.nanoTime() % 1_000_000;
        String id = newAccount(username, List.of("reviewer"), List.of("seminar-a"));
        try (WebClient client = PageSessions.browser()) {
            client.getOptions().setRedirectEnabled(true);
            HtmlPage form = client.getPage(new URL(base, "/home"));
            form.getHtmlElementById("username").type(username);
            form.getHtmlElementById("password").type("password-1");
            HtmlPage home = form.getHtmlElementById("kc-login").click();
            assertEquals(new URL(base, "/home").toString(), home.getUrl().toString());
            asAdmin("PUT", "/api/admin/users/" + id, Map.of("enabled", false)).statusCode(200);
            HtmlPage next = client.getPage(new URL(base, "/documents"));
            assertTrue(next.getUrl().toString().startsWith(Tokens.realmUrl()), "back to sign-in, got " + next.getUrl() + " "
                    + next.getWebResponse().getStatusCode() + " " + next.asNormalizedText().substring(0, Math.min(300, next.asNormalizedText().length())));
            assertEquals(401, client.getPage(new URL(base, "/api/me")).getWebResponse().getStatusCode());
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    static io.restassured.response.ValidatableResponse asAdmin(String method, String path, Object body) {
        var request = given().header("Authorization", Tokens.bearer("admin")).contentType("application/json");
        if (body != null) {
            request.body(body);
        }
        return request.request(method, path).then();
    }

    static String newAccount(String username, List<String> roles, List<String> groups) {
        Map<String, Object> user = new HashMap<>();
        user.put("username", username);
        user.put("email", username + "@school.example.org");
        user.put("firstName", "Test");
        user.put("lastName", "Student");
        user.put("password", "password-1");
        user.put("temporary", false);
        user.put("roles", roles);
        user.put("groups", groups);
        return asAdmin("POST", "/api/admin/users", user).statusCode(201).extract().path("id");
    }

    /** Polls until the request answers the status, for at most 15 s (the recheck interval is 5 s). */
    static void awaitStatus(Supplier<Response> request, int status, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = request.get().statusCode();
            if (last == status) {
                return;
            }
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new AssertionError(what + ": expected " + status + " within 15 s, last answer " + last);
    }
}
