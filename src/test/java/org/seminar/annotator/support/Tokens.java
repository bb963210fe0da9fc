package org.seminar.annotator.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens from the test Keycloak by the password grant, as a script or another tool would get them. */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String realmUrl() {
        return System.getProperty("quarkus.oidc.auth-server-url");
    }

    public static String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    /** A fresh token for a demo account, whose password equals its username. */
    public static String fresh(String username, String password) {
        return given().formParams(Map.of("grant_type", "password", "client_id", "annotator-web",
                        "client_secret", "annotator-secret", "username", username, "password", password))
                .post(tokenUrl())
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** A token for a demo account, reused within the test run while it is valid (tokens live 5 minutes). */
    public static String of(String username) {
        return CACHE.compute(username, (u, cached) -> cached != null && stillValid(cached) ? cached : fresh(u, u));
    }

    private static boolean stillValid(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        long exp = Long.parseLong(payload.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        return exp - 60 > System.currentTimeMillis() / 1000;
    }

    public static String bearer(String username) {
        return "Bearer " + of(username);
    }
}
