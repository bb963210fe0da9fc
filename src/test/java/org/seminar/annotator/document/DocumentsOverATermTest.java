package org.seminar.annotator.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.PageSessions;
import org.seminar.annotator.support.Routes;
import org.seminar.annotator.support.Tokens;

/**
 * Documents over a term: rename, archive (hidden from reviewers, kept, reversible), assignment to
 * groups (a reviewer of another group cannot reach the document by any route), due dates, and
 * deletion with what it takes counted first.
 */
@QuarkusTest
class DocumentsOverATermTest {

    @TestHTTPResource("/")
    URL base;

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    static String newDocument(String marker) {
        return Documents.importText("Term " + marker + "\n\nA paragraph only its group reads: " + marker + ".");
    }

    static List<String> titles(String user) {
        return as(user).get("/api/documents").then().statusCode(200).extract().jsonPath().getList("title");
    }

    @Test
    void adminsRenameSetADueDateAndArchiveAndReviewersSeeTheResult() {
        String marker = "rename" + System.nanoTime();
        String doc = newDocument(marker);
        as("admin").contentType("application/json").body(Map.of("title", "  Renamed   " + marker + " ", "dueDate", "2026-12-18"))
                .put("/api/documents/" + doc).then().statusCode(200).body("title", equalTo("Renamed " + marker))
                .body("dueDate", equalTo("2026-12-18")).body("archived", equalTo(false)).body("groups", equalTo(List.of()));
        as("reviewer1").get("/api/documents").then().body("find { it.id == '" + doc + "' }.dueDate", equalTo("2026-12-18"))
                .body("find { it.id == '" + doc + "' }.groups", equalTo(null));
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        as("reviewer1").contentType("application/json").body(Map.of("paragraphId", paragraph, "start", 0, "end", 1, "quote", "A",
                "tags", List.of("neutrality"))).post("/api/documents/" + doc + "/annotations").then().statusCode(201);

        as("admin").contentType("application/json").body(Map.of("archived", true)).put("/api/documents/" + doc).then().statusCode(200);
        assertFalse(titles("reviewer1").contains("Renamed " + marker), "archived: not in a reviewer's list");
        as("reviewer1").get("/api/documents/" + doc).then().statusCode(404);
        as("reviewer1").get("/api/documents/" + doc + "/annotations").then().statusCode(404);
        as("admin").get("/api/documents").then().body("find { it.id == '" + doc + "' }.archived", equalTo(true));
        as("admin").get("/api/documents/" + doc + "/annotations").then().statusCode(200).body("size()", equalTo(1));

        as("admin").contentType("application/json").body(Map.of("archived", false, "dueDate", "")).put("/api/documents/" + doc)
                .then().statusCode(200).body("dueDate", equalTo(null));
        as("reviewer1").get("/api/documents/" + doc + "/annotations").then().statusCode(200).body("size()", equalTo(1));
        as("admin").get("/api/admin/log").then().statusCode(200).body("action", hasItem("document-update"));
    }

    @Test
    void aGroupAddedBesideAnAssignedOneKeepsBoth() {
        String doc = newDocument("regroup" + System.nanoTime());
        List<List<String>> assignments = List.of(List.of("seminar-b"), List.of("seminar-a", "seminar-b"), List.of("seminar-a"), List.<String>of());
        for (List<String> groups : assignments) {
            as("admin").contentType("application/json").body(Map.of("groups", groups)).put("/api/documents/" + doc)
                    .then().statusCode(200).body("groups", equalTo(groups));
        }
    }

    @Test
    void aDocumentAssignedToAnotherGroupCannotBeReachedByAnyRoute() throws Exception {
        String marker = "assigned" + System.nanoTime();
        String doc = newDocument(marker);
        as("admin").contentType("application/json").body(Map.of("groups", List.of("seminar-b"))).put("/api/documents/" + doc)
                .then().statusCode(200).body("groups", equalTo(List.of("seminar-b")));
        String paragraph = Documents.documentAs("reviewer4", doc).getString("sections[0].paragraphs[0].id");
        String annotation = as("reviewer4").contentType("application/json").body(Map.of("paragraphId", paragraph, "start", 0, "end", 1,
                "quote", "A", "tags", List.of("neutrality"), "comment", "note-" + marker)).post("/api/documents/" + doc + "/annotations")
                .then().statusCode(201).extract().path("id");
        assertTrue(titles("reviewer4").contains("Term " + marker));
        assertFalse(titles("reviewer1").contains("Term " + marker));

        List<String> leaks = new ArrayList<>();
        int checked = 0;
        try (WebClient pages = PageSessions.signedIn(base, "reviewer1")) {
            pages.getOptions().setThrowExceptionOnFailingStatusCode(false);
            for (String route : Routes.get()) {
                if (!route.startsWith("/api/documents/{}") && !route.startsWith("/documents/{}") && !route.startsWith("/annotations/{}")) {
                    continue;
                }
                String path = route.replaceFirst("\\{}", doc).replace("paragraphs/{}", "paragraphs/" + paragraph).replace("{~}", "00000000-0000-4000-8000-000000000000")
                        .replace("{}", annotation); // {~}: a group container (any group: the document itself is out of reach)
                int status;
                String body;
                if (route.startsWith("/documents/")) {
                    var response = pages.getPage(new URL(base, path)).getWebResponse();
                    status = response.getStatusCode();
                    body = response.getContentAsString();
                } else if (route.endsWith("/events")) {
                    var response = as("reviewer1").get(path);
                    status = response.statusCode();
                    body = status == 200 ? "" : response.asString();
                } else {
                    var response = as("reviewer1").get(path);
                    status = response.statusCode();
                    body = response.asString();
                }
                checked++;
                if (status != 404 && status != 403) {
                    leaks.add(route + " answered " + status);
                }
                if (body.contains(marker)) {
                    leaks.add(route + " shows the document's text");
                }
            }
        }
        assertTrue(checked > 15, "routes checked: " + checked);
        assertEquals(List.of(), leaks);
        // writes are refused the same way
        as("reviewer1").contentType("application/json").body(Map.of("paragraphId", paragraph, "start", 0, "end", 1, "quote", "A",
                "tags", List.of("neutrality"))).post("/api/documents/" + doc + "/annotations").then().statusCode(404);
    }

    @Test
    void theReportSaysWhoFinishedByTheDueDate() {
        String doc = newDocument("due" + System.nanoTime());
        String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        as("admin").contentType("application/json").body(Map.of("dueDate", yesterday)).put("/api/documents/" + doc).then().statusCode(200);
        as("reviewer1").contentType("application/json").body(Map.of("finished", true)).put("/api/documents/" + doc + "/finished")
                .then().statusCode(200);
        as("reviewer1").get("/api/documents/" + doc + "/report").then().statusCode(200)
                .body("reviewers.find { it.username == 'reviewer1' }.finishedOnTime", equalTo(false));
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        as("admin").contentType("application/json").body(Map.of("dueDate", tomorrow)).put("/api/documents/" + doc).then().statusCode(200);
        as("reviewer1").get("/api/documents/" + doc + "/report").then()
                .body("reviewers.find { it.username == 'reviewer1' }.finishedOnTime", equalTo(true));
        assertTrue(as("reviewer1").get("/api/documents/" + doc + "/report.md").asString().contains("yes, by the due date"));
    }

    @Test
    void deletingCountsWhatGoesThenTakesItAll() {
        String marker = "delete" + System.nanoTime();
        String doc = newDocument(marker);
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String first = null;
        for (String user : List.of("reviewer1", "reviewer2")) {
            String id = as(user).contentType("application/json").body(Map.of("paragraphId", paragraph, "start", 0, "end", 1, "quote", "A",
                    "tags", List.of("neutrality"))).post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
            first = first == null ? id : first;
        }
        as("reviewer3").contentType("application/json").body(Map.of("comment", "a reply")).post("/api/annotations/" + first + "/replies")
                .then().statusCode(201);
        as("admin").get("/api/documents/" + doc + "/usage").then().statusCode(200).body("annotations", equalTo(2))
                .body("replies", equalTo(1)).body("reviewers", equalTo(3));
        as("reviewer1").delete("/api/documents/" + doc).then().statusCode(403);
        as("reviewer1").get("/api/documents/" + doc + "/usage").then().statusCode(403);
        as("admin").delete("/api/documents/" + doc).then().statusCode(204);
        as("admin").get("/api/documents/" + doc).then().statusCode(404);
        as("admin").get("/api/annotations/" + first).then().statusCode(404);
        as("admin").delete("/api/documents/" + doc).then().statusCode(404);
        as("admin").get("/api/admin/log").then().body("find { it.action == 'document-delete' }.details.annotations", equalTo(2));
    }

    @Test
    void badChangesAreRefusedNamingTheFieldAndChangeNothing() {
        String doc = newDocument("bad" + System.nanoTime());
        as("admin").contentType("application/json").body(Map.of("groups", List.of("seminar-a", "no-such-group"), "dueDate", "18.12.2026",
                "title", " ")).put("/api/documents/" + doc).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("title", "groups[1]", "dueDate"));
        as("admin").get("/api/documents").then().body("find { it.id == '" + doc + "' }.groups", equalTo(List.of()))
                .body("find { it.id == '" + doc + "' }.dueDate", equalTo(null));
        as("reviewer1").contentType("application/json").body(Map.of("archived", true)).put("/api/documents/" + doc).then().statusCode(403);
        as("admin").contentType("application/json").body(Map.of("title", "x")).put("/api/documents/nope").then().statusCode(404);
    }
}
