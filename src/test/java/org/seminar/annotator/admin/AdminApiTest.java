package org.seminar.annotator.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** Account and group administration against the real Keycloak: every operation and every refusal. */
@QuarkusTest
class AdminApiTest {

    static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 10_000_000, 36);
    }

    static ValidatableResponse asAdmin(String method, String path, Object body) {
        var request = given().header("Authorization", Tokens.bearer("admin")).contentType("application/json");
        if (body != null) {
            request.body(body);
        }
        return request.request(method, path).then();
    }

    static Map<String, Object> newUser(String username, String password, List<String> roles, List<String> groups) {
        return org.seminar.annotator.support.Accounts.body(username, password, roles, groups);
    }

    static String claims(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    static int passwordGrant(String username, String password) {
        return given().formParams(Map.of("grant_type", "password", "client_id", "annotator-web", "client_secret", "annotator-secret",
                "username", username, "password", password)).post(Tokens.tokenUrl()).statusCode();
    }

    @Test
    void reviewersGet403AndAnonymousGet401OnEveryAdminEndpoint() {
        List<String[]> endpoints = List.of(new String[] { "GET", "/api/admin/users" }, new String[] { "POST", "/api/admin/users" },
                new String[] { "GET", "/api/admin/users/x" }, new String[] { "PUT", "/api/admin/users/x" },
                new String[] { "POST", "/api/admin/users/x/password" }, new String[] { "POST", "/api/admin/users/import" },
                new String[] { "GET", "/api/admin/groups" }, new String[] { "POST", "/api/admin/groups" },
                new String[] { "PUT", "/api/admin/groups/x" }, new String[] { "DELETE", "/api/admin/groups/x" },
                new String[] { "GET", "/api/admin/groups/x/members" }, new String[] { "GET", "/api/admin/log" });
        for (String[] e : endpoints) {
            String type = e[1].endsWith("/import") ? "text/csv" : "application/json";
            given().header("Authorization", Tokens.bearer("reviewer1")).contentType(type).body("{}")
                    .request(e[0], e[1]).then().statusCode(403).contentType("application/problem+json");
            given().contentType(type).body("{}").request(e[0], e[1]).then().statusCode(401);
        }
    }

    @Test
    void adminCreatesAUserWhoCanSignInWithRolesAndGroups() {
        String username = unique("stu");
        asAdmin("POST", "/api/admin/users", newUser(username, "first-pass-1", List.of("reviewer"), List.of("seminar-b")))
                .statusCode(201).body("id", notNullValue()).body("username", equalTo(username))
                .body("roles", equalTo(List.of("reviewer"))).body("groups", equalTo(List.of("seminar-b"))).body("enabled", equalTo(true));
        String token = Tokens.fresh(username, "first-pass-1");
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200)
                .body("roles", equalTo(List.of("reviewer"))).body("groups", equalTo(List.of("seminar-b")));
        asAdmin("GET", "/api/admin/users?search=" + username, null).statusCode(200).body("username", equalTo(List.of(username)));
        asAdmin("GET", "/api/admin/log", null).body("find { it.target == '" + username + "' }.action", equalTo("user-create"));
    }

    @Test
    void theLogSaysEachActionInOneSentenceWithNamesAndFiltersByActionActorAndDay() {
        String username = unique("log");
        Map<String, Object> user = new java.util.HashMap<>(newUser(username, "password-1", List.of("reviewer"), List.of("seminar-a")));
        user.put("firstName", "Lena");
        user.put("lastName", "Logged");
        String id = asAdmin("POST", "/api/admin/users", user).statusCode(201).extract().path("id");
        asAdmin("PUT", "/api/admin/users/" + id, Map.of("enabled", false)).statusCode(200);
        asAdmin("PUT", "/api/admin/users/" + id, Map.of("enabled", true)).statusCode(200);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        List<String> sentences = asAdmin("GET", "/api/admin/log?actor=admin&from=" + today + "&to=" + today + "&max=500", null).statusCode(200)
                .extract().jsonPath().getList("sentence");
        assertTrue(sentences.contains("Ada Admin created the account of Lena Logged"), sentences.toString());
        assertTrue(sentences.contains("Ada Admin disabled Lena Logged"), sentences.toString());
        assertTrue(sentences.contains("Ada Admin enabled Lena Logged"), sentences.toString());
        List<String> actions = asAdmin("GET", "/api/admin/log?action=user-enable", null).statusCode(200).extract().jsonPath().getList("action");
        assertTrue(!actions.isEmpty() && actions.stream().allMatch("user-enable"::equals), actions.toString());
        asAdmin("GET", "/api/admin/log?from=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1), null).statusCode(200)
                .body("size()", equalTo(0));
        asAdmin("GET", "/api/admin/log?from=28.11.2026", null).statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void refusesBadOrConflictingAccounts() {
        String username = unique("dup");
        asAdmin("POST", "/api/admin/users", newUser(username, "password-1", List.of("reviewer"), List.of())).statusCode(201);
        asAdmin("POST", "/api/admin/users", newUser(username, "password-1", List.of("reviewer"), List.of())).statusCode(409);
        Map<String, Object> sameEmail = newUser(unique("other"), "password-1", List.of("reviewer"), List.of());
        sameEmail.put("email", username + "@school.example.org");
        asAdmin("POST", "/api/admin/users", sameEmail).statusCode(409);
        Map<String, Map.Entry<Object, String>> bad = Map.of(
                "username", Map.entry("", "username"),
                "email", Map.entry("not-an-email", "email"),
                "roles", Map.entry(List.of("superuser"), "roles"),
                "groups", Map.entry(List.of("seminar-z"), "groups"),
                "password", Map.entry("short", "password"));
        for (var e : bad.entrySet()) {
            Map<String, Object> user = newUser(unique("bad"), "password-1", List.of("reviewer"), List.of());
            user.put(e.getKey(), e.getValue().getKey());
            asAdmin("POST", "/api/admin/users", user).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(e.getValue().getValue()));
        }
    }

    @Test
    void roleAndGroupChangesTakeEffectAtTheNextSignInAndDisablingLocksTheAccount() {
        String username = unique("chg");
        String id = asAdmin("POST", "/api/admin/users", newUser(username, "password-1", List.of("reviewer"), List.of("seminar-a")))
                .statusCode(201).extract().path("id");
        assertTrue(claims(Tokens.fresh(username, "password-1")).contains("\"seminar-a\""));
        asAdmin("PUT", "/api/admin/users/" + id, Map.of("groups", List.of("seminar-b"), "roles", List.of("reviewer", "admin"),
                "firstName", "Renamed")).statusCode(200).body("groups", equalTo(List.of("seminar-b")))
                .body("roles", containsInAnyOrder("admin", "reviewer")).body("firstName", equalTo("Renamed"));
        given().header("Authorization", "Bearer " + Tokens.fresh(username, "password-1")).get("/api/me").then()
                .body("groups", equalTo(List.of("seminar-b"))).body("roles", containsInAnyOrder("admin", "reviewer"));
        asAdmin("POST", "/api/admin/users/" + id + "/password", Map.of("password", "second-pass-2", "temporary", false)).statusCode(204);
        assertEquals(401, passwordGrant(username, "password-1"));
        assertEquals(200, passwordGrant(username, "second-pass-2"));
        asAdmin("POST", "/api/admin/users/" + id + "/password", Map.of("password", "x")).statusCode(400)
                .body("errors[0].field", equalTo("password"));
        asAdmin("PUT", "/api/admin/users/" + id, Map.of("enabled", false)).statusCode(200).body("enabled", equalTo(false));
        assertEquals(400, passwordGrant(username, "second-pass-2"), "a disabled account gets no token");
        asAdmin("PUT", "/api/admin/users/" + id, Map.of("email", "broken")).statusCode(400).body("errors[0].field", equalTo("email"));
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledOrLoseTheRole() {
        String adminId = asAdmin("GET", "/api/admin/users?search=admin", null).extract()
                .path("find { it.username == 'admin' }.id");
        List<String> others = asAdmin("GET", "/api/admin/users?max=200", null).extract()
                .path("findAll { it.roles.contains('admin') && it.enabled && it.username != 'admin' }.id");
        for (String other : others) { // admins made by other tests step down, leaving the demo admin alone
            asAdmin("PUT", "/api/admin/users/" + other, Map.of("roles", List.of("reviewer"))).statusCode(200);
        }
        asAdmin("PUT", "/api/admin/users/" + adminId, Map.of("enabled", false)).statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("last enabled admin"));
        asAdmin("PUT", "/api/admin/users/" + adminId, Map.of("roles", List.of("reviewer"))).statusCode(409);
        given().header("Authorization", "Bearer " + Tokens.fresh("admin", "admin")).get("/api/me").then()
                .body("roles", hasItem("admin"));
    }

    @Test
    void groupsAreCreatedRenamedAndDeletedOnlyWhenEmptyAndRenamingKeepsAnnotations() {
        String name = unique("sem");
        String groupId = asAdmin("POST", "/api/admin/groups", Map.of("name", name)).statusCode(201)
                .body("name", equalTo(name)).extract().path("id");
        asAdmin("POST", "/api/admin/groups", Map.of("name", name)).statusCode(409);
        asAdmin("POST", "/api/admin/groups", Map.of("name", " ")).statusCode(400).body("errors[0].field", equalTo("name"));
        String member = unique("mem");
        asAdmin("POST", "/api/admin/users", newUser(member, "password-1", List.of("reviewer"), List.of(name))).statusCode(201);

        String doc = Documents.bundledId();
        var d = Documents.document(doc);
        String paragraph = d.getString("sections[0].paragraphs[1].id");
        String quote = d.getString("sections[0].paragraphs[1].text").substring(0, 7);
        String annotation = given().header("Authorization", "Bearer " + Tokens.fresh(member, "password-1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 0, "end", 7, "quote", quote, "tags", List.of("neutrality")))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).body("group", equalTo(name)).extract().path("id");

        String renamed = name + "-renamed";
        asAdmin("PUT", "/api/admin/groups/" + groupId, Map.of("name", renamed)).statusCode(200).body("name", equalTo(renamed));
        given().header("Authorization", "Bearer " + Tokens.fresh(member, "password-1")).get("/api/annotations/" + annotation)
                .then().statusCode(200).body("group", equalTo(renamed));
        asAdmin("GET", "/api/admin/groups/" + groupId + "/members", null).statusCode(200).body("username", equalTo(List.of(member)));
        asAdmin("DELETE", "/api/admin/groups/" + groupId, null).statusCode(409);
        String memberId = asAdmin("GET", "/api/admin/users?search=" + member, null).extract().path("[0].id");
        asAdmin("PUT", "/api/admin/users/" + memberId, Map.of("groups", List.of())).statusCode(200);
        asAdmin("DELETE", "/api/admin/groups/" + groupId, null).statusCode(204);
        asAdmin("GET", "/api/admin/groups", null).body("name", not(hasItem(renamed)));
    }

    @Test
    void classListImportIsAllOrNothing() {
        String a = unique("cla"), b = unique("clb"), c = unique("clc");
        String bad = "username;email;firstName;lastName;group\n"
                + a + ";" + a + "@school.example.org;Ann;Able;seminar-a\n"
                + b + ";not-an-email;Ben;Baker;seminar-a\n"
                + c + ";" + c + "@school.example.org;Cy;Cole;seminar-q\n";
        given().header("Authorization", Tokens.bearer("admin")).contentType("text/csv").body(bad).post("/api/admin/users/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("row 3 email", "row 4 group"));
        asAdmin("GET", "/api/admin/users?search=" + a, null).body("$", hasSize(0));

        String good = "username,email,firstName,lastName,group,password\n"
                + a + "," + a + "@school.example.org,Ann,Able,seminar-a,\n"
                + "\"" + b + "\"," + b + "@school.example.org,\"Baker, Ben\",Baker,seminar-b,given-pass-1\n";
        var result = given().header("Authorization", Tokens.bearer("admin")).contentType("text/csv").body(good)
                .post("/api/admin/users/import").then().statusCode(201).body("created", equalTo(2)).extract().jsonPath();
        String generated = result.getString("users.find { it.username == '" + a + "' }.temporaryPassword");
        assertTrue(generated != null && generated.length() >= 12);
        assertEquals(null, result.getString("users.find { it.username == '" + b + "' }.temporaryPassword"));
        assertEquals(200, passwordGrant(b, "given-pass-1"));
        asAdmin("GET", "/api/admin/users?search=" + a, null).body("[0].groups", equalTo(List.of("seminar-a")));
    }

    @Test
    void anImportThatKeycloakRefusesHalfWayIsRemovedAgain() {
        String a = unique("rba"), b = unique("rbb");
        // Keycloak's user profile refuses names with characters such as '<' or '$': the third account fails.
        String csv = "username,email,firstName,lastName,group\n"
                + a + "," + a + "@school.example.org,Ann,Able,seminar-a\n"
                + b + "," + b + "@school.example.org,Ben,Baker,seminar-a\n"
                + unique("rbc") + "," + unique("rbc") + "@school.example.org,Eve<script>,Evil,seminar-a\n";
        given().header("Authorization", Tokens.bearer("admin")).contentType("text/csv").body(csv).post("/api/admin/users/import")
                .then().statusCode(400);
        asAdmin("GET", "/api/admin/users?search=" + a, null).body("$", hasSize(0));
        asAdmin("GET", "/api/admin/users?search=" + b, null).body("$", hasSize(0));
    }
}
