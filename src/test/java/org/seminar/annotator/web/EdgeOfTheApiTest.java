package org.seminar.annotator.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.PageSessions;
import org.seminar.annotator.support.Tokens;

/**
 * What the app refuses at its edge, and how: text with control characters or lone surrogates in any
 * field or parameter, numbers and flags that are not, bodies and addresses over the limits, and
 * cross-site writes. Every refusal is a problem body naming what was wrong, and changes nothing.
 */
@QuarkusTest
class EdgeOfTheApiTest {

    @TestHTTPResource("/")
    URL base;

    String doc;
    String paragraph;

    void document() {
        doc = Documents.importText("Edge Cases\n\nThe edge of the API refuses what no person meant to type.");
        paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
    }

    int annotationCount(String user) {
        return given().header("Authorization", Tokens.bearer(user)).get("/api/documents/" + doc + "/annotations")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    String annotationJson(String comment, String tag) {
        return "{\"paragraphId\":\"" + paragraph + "\",\"start\":4,\"end\":8,\"quote\":\"edge\",\"tags\":[\"" + tag
                + "\"],\"comment\":\"" + comment + "\"}";
    }

    @Test
    void controlCharactersAndLoneSurrogatesInJsonAreRefusedNamingTheFieldAndNothingIsStored() {
        document();
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(annotationJson("a\\u0000b", "neutrality")).post("/api/documents/" + doc + "/annotations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("comment")).body("errors[0].message", containsString("U+0000"));
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(annotationJson("fine", "neu\\ud800trality")).post("/api/documents/" + doc + "/annotations")
                .then().statusCode(400).body("errors[0].field", equalTo("tags[0]"))
                .body("errors[0].message", containsString("unpaired surrogate"));
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(annotationJson("bell \\u0007", "neutrality")).post("/api/documents/" + doc + "/annotations")
                .then().statusCode(400).body("errors[0].field", equalTo("comment"));
        assertEquals(0, annotationCount("reviewer1"), "nothing stored");
        // tab, line feed and carriage return are text; a pair of surrogates (an emoji) is one character
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(annotationJson("line one\\r\\n\\tline two \\ud83d\\ude00", "neutrality"))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
    }

    @Test
    void aGroupNameWithANulIsRefusedAndKeycloakIsNotTouched() {
        List<String> before = given().header("Authorization", Tokens.bearer("admin")).get("/api/admin/groups")
                .then().statusCode(200).extract().path("name");
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body("{\"name\":\"evil\\u0000group\"}")
                .post("/api/admin/groups").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        List<String> after = given().header("Authorization", Tokens.bearer("admin")).get("/api/admin/groups")
                .then().statusCode(200).extract().path("name");
        assertEquals(before, after, "no group was created in Keycloak");
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("name", "seminar-a"))
                .post("/api/admin/groups").then().statusCode(409).body("detail", containsString("exists already"));
    }

    @Test
    void aClassListOrADocumentWithControlCharactersIsRefusedWhole() {
        String list = "username,email,firstName,lastName,group\nctrl1,ctrl1@school.example.org,Ann\u0001,Lee,seminar-a\n";
        given().header("Authorization", Tokens.bearer("admin")).contentType("text/csv").body(list.getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/users/import").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", containsString("firstName")).body("errors[0].message", containsString("U+0001"));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/admin/users?search=ctrl1").then().statusCode(200)
                .body("size()", equalTo(0));
        given().header("Authorization", Tokens.bearer("admin")).contentType("text/plain")
                .body("Bell Title\n\nA paragraph with a bell \u0007 inside.".getBytes(StandardCharsets.UTF_8))
                .post("/api/documents").then().statusCode(400).body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("U+0007"));
    }

    @Test
    void queryAndPathParametersAreCheckedAndNamed() {
        given().urlEncodingEnabled(false).header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents?search=a%00b")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("search"));
        given().urlEncodingEnabled(false).header("Authorization", Tokens.bearer("reviewer1")).get("/api/annotations/a%00b")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/admin/log?first=abc")
                .then().statusCode(400).body("errors[0].field", equalTo("first"));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/admin/users?max=100000")
                .then().statusCode(400).body("errors[0].field", equalTo("max"));
        given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + Documents.bundledId() + "/report.csv?excel=maybe")
                .then().statusCode(400).body("errors[0].field", equalTo("excel"));
    }

    @Test
    void bodiesAndAddressesOverTheLimitsGetProblemBodies() {
        byte[] big = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(big)
                .post("/api/tags").then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents?q=" + "a".repeat(9000))
                .then().statusCode(414).contentType("application/problem+json").body("status", equalTo(414));
    }

    @Test
    void aBodyWithThousandsOfBadFieldsGetsABoundedAnswer() {
        document();
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            tags.append(i == 0 ? "" : ",").append("\"no-such-tag-").append(i).append('"');
        }
        String body = "{\"paragraphId\":\"" + paragraph + "\",\"start\":4,\"end\":8,\"quote\":\"edge\",\"tags\":[" + tags + "]}";
        var answer = given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json").body(body)
                .post("/api/documents/" + doc + "/annotations").then().statusCode(400).contentType("application/problem+json")
                .body("errors.size()", equalTo(100)).body("moreErrors", equalTo(29_900))
                .body("errors[0].field", equalTo("tags[0]")).body("detail", containsString("and 29900 more")).extract();
        org.junit.jupiter.api.Assertions.assertTrue(answer.asByteArray().length < 20_000,
                "the answer stays small: " + answer.asByteArray().length + " bytes");
        assertEquals(0, annotationCount("reviewer1"), "nothing stored");
        // a body of more JSON values than any request has is refused before anything is checked
        String many = "{\"tags\":[" + "\"a\",".repeat(1_200_000) + "\"a\"]}";
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json").body(many)
                .post("/api/documents/" + doc + "/annotations").then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void everyAnswerWithPersonalDataIsKeptOutOfCaches() {
        document();
        for (String path : List.of("/api/me", "/api/documents", "/api/documents/" + doc + "/report.csv")) {
            given().header("Authorization", Tokens.bearer("reviewer1")).get(path).then().header("Cache-Control", "no-store");
        }
        // what a reload revalidates (ETag): kept by this person's browser only, never by a shared cache
        for (String path : List.of("/api/documents/" + doc, "/api/documents/" + doc + "/annotations")) {
            given().header("Authorization", Tokens.bearer("reviewer1")).get(path).then().header("Cache-Control", "private, no-cache");
        }
        given().get("/api/me").then().statusCode(401).header("Cache-Control", "no-store");
        given().get("/static/app.css").then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.not("no-store"));
    }

    @Test
    void cookieAuthenticatedWritesMustComeFromThisExactOrigin() throws Exception {
        document();
        String own = base.getProtocol() + "://localhost:" + base.getPort();
        try (WebClient client = PageSessions.signedIn(base, "reviewer1")) {
            String body = "{\"sectionId\":null}";
            assertEquals(204, put(client, own, null, body), "same origin");
            assertEquals(403, put(client, "http://localhost:" + (base.getPort() + 1), null, body), "another port");
            assertEquals(403, put(client, "https://localhost:" + base.getPort(), null, body), "another scheme");
            assertEquals(403, put(client, "http://evil.example", "evil.example", body), "a forwarded host is not trusted");
            assertEquals(403, put(client, "http://evil@localhost:" + base.getPort(), null, body), "user information before the host");
            assertEquals(403, put(client, "http://localhost:" + base.getPort() + "@evil.example", null, body), "the host after an @");
            assertEquals(403, put(client, own + "/", null, body), "an origin is scheme, host and port, nothing more");
            assertEquals(403, put(client, own + ".evil.example", null, body), "a longer host");
            assertEquals(403, put(client, "http://LOCALHOST:" + base.getPort() + "/x?y", null, body), "a path in an origin");
        }
    }

    private int put(WebClient client, String origin, String forwardedHost, String body) throws Exception {
        WebRequest request = new WebRequest(new URL(base, "/api/documents/" + doc + "/presence"), HttpMethod.PUT);
        request.setAdditionalHeader("Content-Type", "application/json");
        request.setAdditionalHeader("Origin", origin);
        if (forwardedHost != null) {
            request.setAdditionalHeader("X-Forwarded-Host", forwardedHost);
        }
        request.setRequestBody(body);
        return client.loadWebResponse(request).getStatusCode();
    }
}
