package org.seminar.annotator.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fresh test accounts, made as an admin makes them: through {@code POST /api/admin/users}. */
public final class Accounts {

    private Accounts() {
    }

    /** The body of {@code POST /api/admin/users} for a test account (a permanent password, a school address). */
    public static Map<String, Object> body(String username, String password, List<String> roles, List<String> groups) {
        Map<String, Object> user = new HashMap<>();
        user.put("username", username);
        user.put("email", username + "@school.example.org");
        user.put("firstName", "Test");
        user.put("lastName", "Student");
        user.put("password", password);
        user.put("temporary", false);
        user.put("roles", roles);
        user.put("groups", groups);
        return user;
    }

    /** Creates the account as the demo admin; its Keycloak id. */
    public static String create(String username, String password, List<String> roles, List<String> groups) {
        return given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body(body(username, password, roles, groups)).post("/api/admin/users").then().statusCode(201).extract().path("id");
    }
}
