package org.seminar.annotator.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seminar.annotator.support.Tokens;

@QuarkusTest
class ApiAuthenticationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "admin     | Ada Admin       | admin,reviewer | ''",
            "reviewer1 | Rita Reviewer   | reviewer       | seminar-a",
            "reviewer2 | Rob Reader      | reviewer       | seminar-a",
            "reviewer3 | Rosa Critic     | reviewer       | seminar-a",
            "reviewer4 | Ravi Scholar    | reviewer       | seminar-b" })
    void meShowsEachDemoAccountWithItsRolesAndGroups(String username, String name, String roles, String groups) {
        var response = given().header("Authorization", Tokens.bearer(username))
                .get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo(username))
                .body("name", equalTo(name))
                .body("email", equalTo(username + "@seminar.example.org"))
                .body("roles", containsInAnyOrder(roles.split(",")));
        if (groups.isEmpty()) {
            response.body("groups", emptyIterable());
        } else {
            response.body("groups", containsInAnyOrder(groups.split(",")));
        }
    }

    @Test
    void apiWithoutCredentialsAnswers401ProblemInsteadOfRedirecting() {
        given().redirects().follow(false)
                .get("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void forgedTokenIsRefusedWith401() {
        String[] parts = Tokens.of("reviewer1").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"reviewer\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        given().header("Authorization", "Bearer " + forged).redirects().follow(false)
                .get("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void garbageBearerTokenIsRefusedWith401() {
        given().header("Authorization", "Bearer not-a-token").redirects().follow(false)
                .get("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenWithAnUnsignedAlgorithmIsRefused() {
        String[] parts = Tokens.of("reviewer1").split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        given().header("Authorization", "Bearer " + header + "." + parts[1] + ".").redirects().follow(false)
                .get("/api/me")
                .then().statusCode(401);
    }

    @Test
    void pageWithoutSessionRedirectsToTheKeycloakLoginOfRealmSeminar() {
        given().redirects().follow(false).accept("text/html")
                .get("/documents")
                .then().statusCode(302)
                .header("Location", startsWith(Tokens.realmUrl() + "/protocol/openid-connect/auth"));
    }

    @Test
    void landingPageAndHealthAreOpenToEveryone() {
        given().redirects().follow(false).get("/").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void keycloakReachabilityIsReportedAsItsOwnCheck() {
        given().get("/q/health/group/keycloak").then().statusCode(200)
                .body("checks.find { it.name == 'keycloak' }.status", equalTo("UP"));
    }

    @Test
    void pagesCarryAContentSecurityPolicyThatForbidsInlineScript() {
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'"));
    }
}
