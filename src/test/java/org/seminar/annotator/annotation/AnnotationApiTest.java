package org.seminar.annotator.annotation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** Every rule of the annotation API, each way, against real Keycloak tokens and PostgreSQL. */
@QuarkusTest
class AnnotationApiTest {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    String doc;
    String paragraph;
    String text;

    @Inject
    Keycloak keycloak;

    @BeforeEach
    void bundledParagraph() {
        doc = Documents.bundledId();
        JsonPath d = Documents.document(doc);
        paragraph = d.getString("sections[2].paragraphs[1].id");
        text = d.getString("sections[2].paragraphs[1].text");
    }

    static ValidatableResponse create(String user, String doc, Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json").body(body)
                .post("/api/documents/" + doc + "/annotations").then();
    }

    Map<String, Object> valid() {
        Map<String, Object> body = new HashMap<>();
        body.put("paragraphId", paragraph);
        body.put("start", 3);
        body.put("end", 20);
        body.put("quote", text.substring(3, 20));
        body.put("tags", List.of("neutrality"));
        body.put("comment", "Compare with *Turkmenistan*.");
        return body;
    }

    static ValidatableResponse get(String user, String id) {
        return given().header("Authorization", Tokens.bearer(user)).get("/api/annotations/" + id).then();
    }

    @Transactional
    long annotationCount() {
        return Annotation.count();
    }

    @Transactional
    List<String> historyActions(String id) {
        return AnnotationHistory.ofAnnotation(id).stream().map(h -> h.action).toList();
    }

    @Test
    void aReviewerAnnotatesAndTheGroupSeesItButNotTheOtherGroup() {
        String id = create("reviewer1", doc, valid()).statusCode(201)
                .body("documentId", equalTo(doc)).body("paragraphId", equalTo(paragraph))
                .body("start", equalTo(3)).body("end", equalTo(20)).body("quote", equalTo(text.substring(3, 20)))
                .body("tags", equalTo(List.of("neutrality"))).body("comment", equalTo("Compare with *Turkmenistan*."))
                .body("author", equalTo("reviewer1")).body("group", equalTo("seminar-a")).body("version", equalTo(1))
                .body("replies", hasSize(0)).body("prefix", equalTo(text.substring(0, 3)))
                .extract().path("id");
        get("reviewer2", id).statusCode(200).body("id", equalTo(id));
        get("admin", id).statusCode(200);
        get("reviewer4", id).statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("reviewer4")).get("/api/documents/" + doc + "/annotations")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().header("Authorization", Tokens.bearer("reviewer3")).get("/api/documents/" + doc + "/annotations?paragraphId=" + paragraph)
                .then().statusCode(200).body("id", hasItem(id));
        given().header("Authorization", Tokens.bearer("reviewer3")).get("/api/documents/" + doc + "/annotations?tag=non-alignment")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().header("Authorization", Tokens.bearer("reviewer3")).get("/api/documents/" + doc + "/annotations?author=reviewer1&tag=neutrality")
                .then().statusCode(200).body("id", hasItem(id));
        given().get("/api/annotations/" + id).then().statusCode(401);
        assertEquals(List.of("create"), historyActions(id));
    }

    /** The new annotation's address is absolute and at the app's own address, whatever Host header the client sent. */
    @Test
    void theCreatedAnnotationsAddressIsTheAppsOwn() {
        String own = "http://localhost:" + RestAssured.port;
        var created = given().header("Authorization", Tokens.bearer("reviewer1")).header("Host", "phishing.example")
                .contentType("application/json").body(valid()).post("/api/documents/" + doc + "/annotations").then().statusCode(201);
        String id = created.extract().path("id");
        created.header("Location", equalTo(own + "/api/annotations/" + id));
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json").body(Map.of("comment", "A reply"))
                .post("/api/annotations/" + id + "/replies").then().statusCode(201)
                .header("Location", startsWith(own + "/api/annotations/" + id + "/replies/"));
    }

    @Test
    void onlyTheAuthorEditsAndAStaleVersionIsAConflict() {
        String id = create("reviewer1", doc, valid()).statusCode(201).extract().path("id");
        Map<String, Object> edit = Map.of("version", 1, "tags", List.of("neutrality", "strategic-autonomy"), "comment", "Better.");
        given().header("Authorization", Tokens.bearer("reviewer2")).contentType("application/json").body(edit)
                .put("/api/annotations/" + id).then().statusCode(403);
        given().header("Authorization", Tokens.bearer("reviewer4")).contentType("application/json").body(edit)
                .put("/api/annotations/" + id).then().statusCode(404);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(edit)
                .put("/api/annotations/" + id).then().statusCode(403);
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json").body(edit)
                .put("/api/annotations/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("tags", equalTo(List.of("neutrality", "strategic-autonomy")))
                .body("comment", equalTo("Better."));
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("version", 1, "comment", "Lost update"))
                .put("/api/annotations/" + id).then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json").body(Map.of("comment", "x"))
                .put("/api/annotations/" + id).then().statusCode(400).body("errors[0].field", equalTo("version"));
        get("reviewer1", id).body("comment", equalTo("Better.")).body("version", equalTo(2));
        assertEquals(List.of("create", "update"), historyActions(id));
    }

    @Test
    void groupMembersAndAdminsReplyOthersCannotSeeIt() {
        String id = create("reviewer1", doc, valid()).statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer("reviewer2")).contentType("application/json").body(Map.of("comment", "I agree"))
                .post("/api/annotations/" + id + "/replies").then().statusCode(201)
                .body("author", equalTo("reviewer2")).body("comment", equalTo("I agree"));
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("comment", "Noted"))
                .post("/api/annotations/" + id + "/replies").then().statusCode(201);
        given().header("Authorization", Tokens.bearer("reviewer4")).contentType("application/json").body(Map.of("comment", "Me too"))
                .post("/api/annotations/" + id + "/replies").then().statusCode(404);
        given().header("Authorization", Tokens.bearer("reviewer2")).contentType("application/json").body(Map.of("comment", " "))
                .post("/api/annotations/" + id + "/replies").then().statusCode(400).body("errors[0].field", equalTo("comment"));
        get("reviewer3", id).body("replies.comment", equalTo(List.of("I agree", "Noted")));
        String replyId = get("reviewer3", id).extract().path("replies[0].id");
        given().header("Authorization", Tokens.bearer("reviewer1")).delete("/api/annotations/" + id + "/replies/" + replyId)
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer("reviewer2")).contentType("application/json")
                .body(Map.of("version", 1, "comment", "I agree, mostly")).put("/api/annotations/" + id + "/replies/" + replyId)
                .then().statusCode(200).body("version", equalTo(2));
        given().header("Authorization", Tokens.bearer("reviewer2")).delete("/api/annotations/" + id + "/replies/" + replyId)
                .then().statusCode(204);
        get("reviewer3", id).body("replies.comment", equalTo(List.of("Noted")));
        assertEquals(List.of("create", "reply", "reply", "reply-update", "reply-delete"), historyActions(id));
    }

    @Test
    void onlyTheAuthorDeletesAndAdminsModerate() {
        String mine = create("reviewer1", doc, valid()).statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer("reviewer2")).delete("/api/annotations/" + mine).then().statusCode(403);
        given().header("Authorization", Tokens.bearer("reviewer4")).delete("/api/annotations/" + mine).then().statusCode(404);
        given().header("Authorization", Tokens.bearer("reviewer1")).delete("/api/annotations/" + mine).then().statusCode(204);
        get("reviewer1", mine).statusCode(404);
        assertEquals(List.of("create", "delete"), historyActions(mine));

        String other = create("reviewer2", doc, valid()).statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json").body(Map.of("hidden", true))
                .put("/api/annotations/" + other + "/hidden").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("hidden", true))
                .put("/api/annotations/" + other + "/hidden").then().statusCode(200).body("hidden", equalTo(true));
        get("reviewer3", other).statusCode(404);
        get("reviewer2", other).statusCode(200).body("hidden", equalTo(true));
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("hidden", false))
                .put("/api/annotations/" + other + "/hidden").then().statusCode(200).body("hidden", nullValue());
        get("reviewer3", other).statusCode(200);
        given().header("Authorization", Tokens.bearer("admin")).delete("/api/annotations/" + other).then().statusCode(204);
        assertEquals(List.of("create", "moderation-hide", "moderation-unhide", "moderation-delete"), historyActions(other));
    }

    @Test
    void aUserInNoGroupReadsButCannotAnnotate() {
        create("admin", doc, valid()).statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("admin")).get("/api/documents/" + doc + "/annotations").then().statusCode(200);
    }

    @Test
    void aMemberOfSeveralGroupsMustNameTheGroup() {
        String username = "twogroups" + System.nanoTime() % 100000;
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setFirstName("Two");
        user.setLastName("Groups");
        user.setEmail(username + "@seminar.example.org");
        user.setEmailVerified(true);
        user.setGroups(List.of("seminar-a", "seminar-b"));
        user.setRealmRoles(List.of("reviewer"));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(username);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        var realm = keycloak.realm("seminar");
        try (var response = realm.users().create(user)) {
            assertEquals(201, response.getStatus());
        }
        String userId = realm.users().searchByUsername(username, true).get(0).getId();
        realm.users().get(userId).roles().realmLevel().add(List.of(realm.roles().get("reviewer").toRepresentation()));
        try {
            long before = annotationCount();
            create(username, doc, valid()).statusCode(400).body("errors[0].field", equalTo("group"));
            Map<String, Object> wrong = valid();
            wrong.put("group", "seminar-z");
            create(username, doc, wrong).statusCode(400).body("errors[0].field", equalTo("group"));
            assertEquals(before, annotationCount());
            Map<String, Object> named = valid();
            named.put("group", "seminar-b");
            String id = create(username, doc, named).statusCode(201).body("group", equalTo("seminar-b")).extract().path("id");
            get("reviewer4", id).statusCode(200);
            get("reviewer1", id).statusCode(404);
        } finally {
            realm.users().get(userId).remove();
        }
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheFieldAndStoresNothing() {
        long before = annotationCount();
        create("reviewer1", "d-unknown", valid()).statusCode(404).contentType("application/problem+json");
        Map<String, Map.Entry<Object, String>> cases = new java.util.LinkedHashMap<>();
        cases.put("paragraphId", Map.entry("p-unknown", "paragraphId"));
        cases.put("start", Map.entry(-1, "start"));
        cases.put("end", Map.entry(3, "end"));
        cases.put("quote", Map.entry("not the text", "quote"));
        cases.put("comment", Map.entry("x".repeat(10_001), "comment"));
        for (var c : cases.entrySet()) {
            Map<String, Object> body = valid();
            body.put(c.getKey(), c.getValue().getKey());
            create("reviewer1", doc, body).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(c.getValue().getValue()));
        }
        // neither a tag nor a comment: nothing to annotate with (a comment alone is an annotation)
        Map<String, Object> empty = valid();
        empty.put("tags", List.of());
        empty.remove("comment");
        create("reviewer1", doc, empty).statusCode(400).body("errors.field", hasItem("tags"));
        Map<String, Object> pastEnd = valid();
        pastEnd.put("end", text.length() + 1);
        pastEnd.put("quote", text.substring(3));
        create("reviewer1", doc, pastEnd).statusCode(400).body("errors.field", hasItem("end"));
        Map<String, Object> unknownTag = valid();
        unknownTag.put("tags", List.of("neutrality", "pacifism"));
        create("reviewer1", doc, unknownTag).statusCode(400).body("errors.field", hasItem("tags[1]"));
        Map<String, Object> missing = valid();
        missing.remove("start");
        create("reviewer1", doc, missing).statusCode(400).body("errors.field", hasItem("start"));
        Map<String, Object> wrongType = valid();
        wrongType.put("start", "three");
        create("reviewer1", doc, wrongType).statusCode(400).body("errors.field", hasItem("start"));
        Map<String, Object> numberComment = valid();
        numberComment.put("comment", 42);
        create("reviewer1", doc, numberComment).statusCode(400).body("errors.field", hasItem("comment"));
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json").body("{\"paragraphId\": ")
                .post("/api/documents/" + doc + "/annotations").then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, annotationCount());
    }

    @Test
    void offsetsCountUtf16CodeUnitsAsJavaScriptDoes() {
        String id = Documents.importText("Offsets\n\nA 😀 smile and ‘quotes’ here.");
        String p = Documents.document(id).getString("sections[0].paragraphs[0].id");
        create("reviewer1", id, Map.of("paragraphId", p, "start", 5, "end", 10, "quote", "smile", "tags", List.of("neutrality")))
                .statusCode(201).body("prefix", equalTo("A 😀 "));
        create("reviewer1", id, Map.of("paragraphId", p, "start", 4, "end", 9, "quote", "smile", "tags", List.of("neutrality")))
                .statusCode(400).body("errors.field", hasItem("quote"));
    }

    @Test
    void sessionCookieWritesFromAnotherSiteAreRefused() throws Exception {
        // a bearer token is no ambient credential: its origin does not matter
        given().header("Authorization", Tokens.bearer("reviewer1")).header("Origin", "https://elsewhere.example")
                .contentType("application/json").body(valid())
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
        long before = annotationCount();
        try (org.htmlunit.WebClient browser = org.seminar.annotator.support.PageSessions.signedIn(base, "reviewer1")) {
            for (String origin : List.of("https://elsewhere.example", "http://localhost:" + base.getPort())) {
                org.htmlunit.WebRequest request = new org.htmlunit.WebRequest(new java.net.URL(base, "/api/documents/" + doc + "/annotations"),
                        org.htmlunit.HttpMethod.POST);
                request.setAdditionalHeader("Content-Type", "application/json");
                request.setAdditionalHeader("Origin", origin);
                request.setRequestBody(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(valid()));
                org.htmlunit.WebResponse response = browser.loadWebResponse(request);
                if (origin.startsWith("https://elsewhere")) {
                    assertEquals(403, response.getStatusCode(), "the session's write from another site is refused by the CSRF guard");
                    assertEquals("application/problem+json", response.getContentType());
                    assertEquals(before, annotationCount(), "and changes nothing");
                } else {
                    assertEquals(201, response.getStatusCode(), "the same write from this site's pages is accepted");
                }
            }
        }
    }

    @Test
    void deletingAnAnnotationOthersRepliedToWithdrawsItAndKeepsTheDiscussion() {
        String id = create("reviewer1", doc, valid()).statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer("reviewer2")).contentType("application/json").body(Map.of("comment", "I disagree."))
                .post("/api/annotations/" + id + "/replies").then().statusCode(201);
        given().header("Authorization", Tokens.bearer("reviewer1")).delete("/api/annotations/" + id).then().statusCode(204);
        get("reviewer2", id).statusCode(200).body("withdrawn", equalTo(true)).body("replies[0].comment", equalTo("I disagree."));
        assertEquals(List.of("create", "reply", "withdraw"), historyActions(id));
        String csv = given().header("Authorization", Tokens.bearer("reviewer2")).get("/api/documents/" + doc + "/report.csv")
                .then().statusCode(200).extract().asString();
        assertEquals(false, csv.contains(id), "a withdrawn annotation no longer counts in reports");
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json").body(Map.of("version", 2, "comment", "x"))
                .put("/api/annotations/" + id).then().statusCode(409);

        // without replies from others, deleting deletes
        String alone = create("reviewer1", doc, valid()).statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer("reviewer1")).delete("/api/annotations/" + alone).then().statusCode(204);
        get("reviewer1", alone).statusCode(404);
    }
}
