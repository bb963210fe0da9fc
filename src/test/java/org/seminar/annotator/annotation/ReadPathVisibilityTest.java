package org.seminar.annotator.annotation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.seminar.annotator.live.EventStreamProbe;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.PageSessions;
import org.seminar.annotator.support.Tokens;

/**
 * The promise "you see only what you may see" on every path that reads annotations: each read
 * path (every GET endpoint and page that returns annotation data, checked against the resources by
 * reflection) × each scenario (other group, blind mode, hidden annotation, hidden reply, reply
 * edited then hidden, reply deleted by moderation, annotation deleted). No text, name or id of what
 * the caller may not see may come back.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadPathVisibilityTest {

    @TestHTTPResource("/")
    URL base;

    /** What a read path returns for a caller, as text, for a document and an annotation of it. */
    interface ReadPath {
        String read(Caller caller, String documentId, String annotationId) throws Exception;
    }

    /** A caller: a bearer token for the API, a signed-in browser for pages. */
    record Caller(String username, WebClient pages) {
    }

    /**
     * Every GET route that returns annotation data, with how to read it. A route's key is its path
     * with parameters written {@code {}}; regex alternatives in a path are separate routes.
     */
    final Map<String, ReadPath> readPaths = new LinkedHashMap<>();
    {
        readPaths.put("/api/documents/{}/annotations", (c, d, a) -> api(c, "/api/documents/" + d + "/annotations"));
        // the reading page's list, and its search over passages, comments and replies (hidden reply text: CompactListTest)
        readPaths.put("/api/documents/{}/annotations/compact", (c, d, a) -> api(c, "/api/documents/" + d + "/annotations/compact")
                + api(c, "/api/documents/" + d + "/annotations/compact?q=comment-") + api(c, "/api/documents/" + d + "/annotations/compact?q=reply-"));
        readPaths.put("/api/annotations/{}", (c, d, a) -> askedFor(a, api(c, "/api/annotations/" + a)));
        readPaths.put("/api/annotations/{}/history", (c, d, a) -> askedFor(a, api(c, "/api/annotations/" + a + "/history")));
        readPaths.put("/api/documents/{}/report", (c, d, a) -> api(c, "/api/documents/" + d + "/report"));
        readPaths.put("/api/documents/{}/report.csv", (c, d, a) -> api(c, "/api/documents/" + d + "/report.csv")
                + api(c, "/api/documents/" + d + "/report.csv?excel=true"));
        readPaths.put("/api/documents/{}/report.md", (c, d, a) -> api(c, "/api/documents/" + d + "/report.md"));
        readPaths.put("/api/documents/{}/annotations.jsonld", (c, d, a) -> api(c, "/api/documents/" + d + "/annotations.jsonld"));
        readPaths.put("/api/documents/{}/export.qdpx", (c, d, a) -> unzipped(c, "/api/documents/" + d + "/export.qdpx"));
        // the W3C protocol: the container, its pages (descriptions and IRIs), one annotation
        readPaths.put("/annotations/{}", (c, d, a) -> api(c, "/annotations/" + d + "/") + api(c, "/annotations/" + d + "/?page=0")
                + api(c, "/annotations/" + d + "/?page=0&iris=1"));
        readPaths.put("/annotations/{}/{}", (c, d, a) -> askedFor(a, api(c, "/annotations/" + d + "/" + a)));
        // a group's own container and its annotations' IRIs, for every group there is
        readPaths.put("/annotations/{}/{~}", (c, d, a) -> eachGroup(g -> api(c, "/annotations/" + d + "/" + g + "/")
                + api(c, "/annotations/" + d + "/" + g + "/?page=0") + api(c, "/annotations/" + d + "/" + g + "/?page=0&iris=1")));
        readPaths.put("/annotations/{}/{~}/{}", (c, d, a) -> eachGroup(g -> askedFor(a, api(c, "/annotations/" + d + "/" + g + "/" + a))));
        readPaths.put("/api/documents/{}/events", (c, d, a) -> EventStreamProbe.replayFromStart(base, d, c.username()));
        readPaths.put("/api/documents/{}/presence", (c, d, a) -> api(c, "/api/documents/" + d + "/presence"));
        // participation: counts and names of the caller's group (a reviewer's own row), per document and over the term
        readPaths.put("/api/documents/{}/participation", (c, d, a) -> api(c, "/api/documents/" + d + "/participation")
                + api(c, "/api/documents/" + d + "/participation?group=seminar-a"));
        readPaths.put("/api/documents/{}/participation.csv", (c, d, a) -> api(c, "/api/documents/" + d + "/participation.csv")
                + api(c, "/api/documents/" + d + "/participation.csv?group=seminar-a"));
        readPaths.put("/api/participation", (c, d, a) -> api(c, "/api/participation") + api(c, "/api/participation?group=seminar-a"));
        readPaths.put("/api/participation.csv", (c, d, a) -> api(c, "/api/participation.csv") + api(c, "/api/participation.csv?group=seminar-a"));
        readPaths.put("/documents/{}/participation", (c, d, a) -> page(c, "/documents/" + d + "/participation")
                + page(c, "/documents/" + d + "/participation?group=seminar-a"));
        readPaths.put("/participation", (c, d, a) -> page(c, "/participation"));
        // search across documents, asked for every text the caller must not find (and the passage everyone annotated)
        // (only the hits in the scenario's document are read: the answer also repeats the query, the caller's own input,
        // and the passage everyone annotated finds others' legitimate work in other documents)
        readPaths.put("/api/search", (c, d, a) -> searched(d, q -> hitsIn(d, api(c, "/api/search?limit=50&q=" + q))));
        readPaths.put("/search", (c, d, a) -> searched(d, q -> resultsIn(d, page(c, "/search?q=" + q))));
        readPaths.put("/documents/{}", (c, d, a) -> page(c, "/documents/" + d));
        readPaths.put("/documents/{}/report", (c, d, a) -> page(c, "/documents/" + d + "/report"));
        // counts only (my annotations, new by others): read through Visibility, so blind mode hides others' work there too
        readPaths.put("/home", (c, d, a) -> page(c, "/home"));
        readPaths.put("/api/notifications", (c, d, a) -> api(c, "/api/notifications") + api(c, "/api/notifications?limit=500"));
        readPaths.put("/notifications", (c, d, a) -> page(c, "/notifications"));
    }

    /** GET routes that return no annotation data at all (documents, accounts, codebook, admin area, static pages). */
    static final Set<String> WITHOUT_ANNOTATION_DATA = Set.of(
            "/", "/account", "/documents", "/documents/import", "/documents/{}/manage", "/documents/{}/delete",
            "/documents/{}/review", "/documents/{}/review/pages/{}", "/api/documents/{}/review",
            "/api/me", "/api/documents", "/api/documents/{}/finished", "/api/documents/{}", "/api/documents/{}/paragraphs/{}", "/api/documents/{}/usage", "/api/tags",
            "/api/admin/users", "/api/admin/users/{}", "/api/admin/groups", "/api/admin/groups/{}/members", "/api/admin/log",
            "/admin", "/admin/users/{}", "/admin/groups", "/admin/import", "/admin/codebook", "/admin/log", "/admin/users/new",
            "/api/documents/{}/people", "/account/notifications", "/unsubscribe");

    /** Who asks, and what they must not get back. */
    record Outcome(String caller, List<String> secrets) {
    }

    enum Scenario {
        OTHER_GROUP, BLIND_MODE, ANNOTATION_HIDDEN, REPLY_HIDDEN, REPLY_EDITED_THEN_HIDDEN, REPLY_DELETED_BY_MODERATION, ANNOTATION_DELETED,
        /** The document is a draft (an import not yet published): nothing of it reaches a reviewer, annotations included. */
        DRAFT
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    record Setup(String documentId, String annotationId, Outcome outcome) {
    }

    final Map<Scenario, Setup> setups = new LinkedHashMap<>();
    final Map<String, WebClient> browsers = new LinkedHashMap<>();

    /** Set up once, on first use (RestAssured knows the app's port only inside a test). */
    synchronized void setUpScenarios() throws Exception {
        if (!setups.isEmpty()) {
            return;
        }
        for (Scenario s : Scenario.values()) {
            setups.put(s, setUp(s));
        }
        for (String user : List.of("reviewer2", "reviewer4")) {
            browsers.put(user, PageSessions.signedIn(base, user));
        }
    }

    @AfterAll
    void closeBrowsers() {
        browsers.values().forEach(WebClient::close);
    }

    @Test
    void everyGetRouteIsEitherAReadPathOfTheTableOrCarriesNoAnnotationData() throws Exception {
        Set<String> routes = getRoutes();
        List<String> unclassified = routes.stream()
                .filter(r -> !readPaths.containsKey(r) && !WITHOUT_ANNOTATION_DATA.contains(r)).toList();
        assertEquals(List.of(), unclassified, "GET routes without a row in the read-path table: add them to readPaths "
                + "(with a way to read them) or, if they return no annotation data, to WITHOUT_ANNOTATION_DATA");
        List<String> gone = readPaths.keySet().stream().filter(r -> !routes.contains(r)).toList();
        assertEquals(List.of(), gone, "rows of the table whose route no longer exists");
        assertTrue(routes.size() > 20, "the scan found the resources: " + routes);
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void noReadPathReturnsWhatTheCallerMayNotSee(Scenario scenario) throws Exception {
        setUpScenarios();
        Setup setup = setups.get(scenario);
        Caller caller = new Caller(setup.outcome().caller(), browsers.get(setup.outcome().caller()));
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, ReadPath> path : readPaths.entrySet()) {
            String body = path.getValue().read(caller, setup.documentId(), setup.annotationId());
            assertNotNull(body, path.getKey());
            for (String secret : setup.outcome().secrets()) {
                if (body.contains(secret)) {
                    leaks.add(path.getKey() + " shows " + secret);
                }
            }
        }
        assertEquals(List.of(), leaks, scenario + ": what " + caller.username() + " may not see came back");
    }

    @Test
    void theTableSeesWhatTheCallerMaySee() throws Exception {
        // the same paths, asked by someone who may see everything, do show the secrets: the probe works
        setUpScenarios();
        Setup setup = setups.get(Scenario.REPLY_HIDDEN);
        String reply = setup.outcome().secrets().get(1);
        assertTrue(api(new Caller("admin", null), "/api/annotations/" + setup.annotationId()).contains(reply));
        assertTrue(api(new Caller("admin", null), "/api/annotations/" + setup.annotationId() + "/history").contains(reply));
        assertTrue(searched(setup.documentId(), q -> api(new Caller("admin", null), "/api/search?limit=50&q=" + q)).contains(reply),
                "admins find the hidden reply: the search probe works");
        Setup draft = setups.get(Scenario.DRAFT);
        assertTrue(api(new Caller("admin", null), "/api/documents/" + draft.documentId() + "/annotations").contains(draft.annotationId()),
                "admins see the draft's annotations");
        Setup blind = setups.get(Scenario.BLIND_MODE);
        assertTrue(EventStreamProbe.replayFromStart(base, blind.documentId(), "reviewer1").contains(blind.annotationId()),
                "the author hears her own annotation while blind");
        assertTrue(api(new Caller("admin", null), "/api/documents/" + blind.documentId() + "/report.csv?group=seminar-a")
                .contains(blind.outcome().secrets().get(1)));
    }

    // ---- who asks: in no group, an admin in no group, in several groups ---------------------

    enum Membership {
        REVIEWER_IN_NO_GROUP, ADMIN_IN_NO_GROUP, REVIEWER_IN_TWO_GROUPS
    }

    final Map<Membership, String> members = new LinkedHashMap<>();
    String[] twoGroupsSetup;

    /** One document with an annotation in each seminar group, and an account of each membership (password = username). */
    synchronized void setUpMemberships() throws Exception {
        if (twoGroupsSetup != null) {
            return;
        }
        String doc = Documents.importText("Membership\n\nThe reviewers read this paragraph about neutrality together.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String commentA = "comment-group-a-" + System.nanoTime();
        String commentB = "comment-group-b-" + System.nanoTime();
        String inA = annotate("reviewer1", doc, paragraph, commentA);
        String inB = annotate("reviewer4", doc, paragraph, commentB);
        twoGroupsSetup = new String[] { doc, inA, inB, commentA, commentB };
        long n = System.nanoTime() % 1_000_000_000L;
        members.put(Membership.REVIEWER_IN_NO_GROUP, account("nogroup" + n, List.of("reviewer"), List.of()));
        members.put(Membership.ADMIN_IN_NO_GROUP, "admin");
        members.put(Membership.REVIEWER_IN_TWO_GROUPS, account("twogroups" + n, List.of("reviewer"), List.of("seminar-a", "seminar-b")));
        for (String user : members.values()) {
            browsers.computeIfAbsent(user, u -> {
                try {
                    return PageSessions.signedIn(base, u);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    static String account(String username, List<String> roles, List<String> groups) {
        org.seminar.annotator.support.Accounts.create(username, username, roles, groups);
        return username;
    }

    @ParameterizedTest
    @EnumSource(Membership.class)
    void everyReadPathAnswersWhateverGroupsTheCallerIsIn(Membership membership) throws Exception {
        setUpMemberships();
        String user = members.get(membership);
        Caller caller = new Caller(user, browsers.get(user));
        String doc = twoGroupsSetup[0];
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, ReadPath> path : readPaths.entrySet()) {
            String body = path.getValue().read(caller, doc, twoGroupsSetup[1]);
            if (body.contains("\"status\":5") || body.contains("Internal Server Error") || body.contains("No parameter named")) {
                failures.add(path.getKey() + " failed: " + body.substring(0, Math.min(300, body.length())));
            }
            if (membership == Membership.REVIEWER_IN_NO_GROUP) {
                for (int i = 1; i < twoGroupsSetup.length; i++) {
                    if (body.contains(twoGroupsSetup[i])) {
                        failures.add(path.getKey() + " shows " + twoGroupsSetup[i] + " to someone in no group");
                    }
                }
            }
        }
        assertEquals(List.of(), failures, membership.name());
        String list = api(caller, "/api/documents/" + doc + "/annotations");
        boolean seesBoth = membership != Membership.REVIEWER_IN_NO_GROUP;
        assertEquals(seesBoth, list.contains(twoGroupsSetup[3]) && list.contains(twoGroupsSetup[4]), membership + " sees both groups' work: " + list);
        for (String filter : List.of("?group=seminar-a", "?author=reviewer1", "?paragraphId=x", "?q=comment")) {
            int status = given().header("Authorization", Tokens.bearer(user)).get("/api/documents/" + doc + "/annotations" + filter).statusCode();
            assertTrue(status < 500, membership + " " + filter + " answered " + status);
        }
    }

    // ---- scenarios --------------------------------------------------------------------------

    private Setup setUp(Scenario scenario) {
        String marker = scenario.name().toLowerCase().replace('_', '-');
        String doc = Documents.importText("Visibility " + marker + "\n\nThe reviewers read this paragraph about neutrality together.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String comment = "comment-" + marker + "-" + System.nanoTime();
        String replyText = "reply-" + marker + "-" + System.nanoTime();
        String annotation = annotate("reviewer1", doc, paragraph, comment);
        String reply = reply("reviewer3", annotation, replyText);
        return switch (scenario) {
            case OTHER_GROUP -> new Setup(doc, annotation, new Outcome("reviewer4",
                    List.of(annotation, comment, reply, replyText, "reviewer1", "Rita Reviewer", "reviewer3", "Rosa Critic")));
            case BLIND_MODE -> {
                blind(doc, true);
                yield new Setup(doc, annotation, new Outcome("reviewer2", List.of(annotation, comment, reply, replyText)));
            }
            case ANNOTATION_HIDDEN -> {
                admin("PUT", "/api/annotations/" + annotation + "/hidden", Map.of("hidden", true), 200);
                yield new Setup(doc, annotation, new Outcome("reviewer2", List.of(annotation, comment, reply, replyText)));
            }
            case REPLY_HIDDEN -> {
                admin("PUT", "/api/annotations/" + annotation + "/replies/" + reply + "/hidden", Map.of("hidden", true), 200);
                yield new Setup(doc, annotation, new Outcome("reviewer2", List.of(reply, replyText)));
            }
            case REPLY_EDITED_THEN_HIDDEN -> {
                String edited = "edited-" + replyText;
                given().header("Authorization", Tokens.bearer("reviewer3")).contentType("application/json")
                        .body(Map.of("version", 1, "comment", edited))
                        .put("/api/annotations/" + annotation + "/replies/" + reply).then().statusCode(200);
                admin("PUT", "/api/annotations/" + annotation + "/replies/" + reply + "/hidden", Map.of("hidden", true), 200);
                yield new Setup(doc, annotation, new Outcome("reviewer2", List.of(reply, replyText, edited)));
            }
            case REPLY_DELETED_BY_MODERATION -> {
                admin("DELETE", "/api/annotations/" + annotation + "/replies/" + reply, null, 204);
                yield new Setup(doc, annotation, new Outcome("reviewer2", List.of(reply, replyText)));
            }
            case DRAFT -> {
                // as a draft that was annotated before it went back to draft: the rule, not the route, must hide it
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em
                        .createNativeQuery("update document set status = 'draft' where id = :id").setParameter("id", doc).executeUpdate());
                yield new Setup(doc, annotation, new Outcome("reviewer2",
                        List.of(annotation, comment, reply, replyText, "Visibility draft", "Rita Reviewer")));
            }
            case ANNOTATION_DELETED -> {
                // deleted by moderation: gone with its discussion (an author's own delete would withdraw it, keeping the replies)
                admin("DELETE", "/api/annotations/" + annotation, null, 204);
                // the deletion itself may be announced by id to those who saw the annotation; nothing else comes back
                yield new Setup(doc, annotation, new Outcome("reviewer2", List.of(comment, reply, replyText)));
            }
        };
    }

    static String annotate(String user, String doc, String paragraph, String comment) {
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 4, "end", 13, "quote", "reviewers", "tags", List.of("neutrality"),
                        "comment", comment))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
    }

    static String reply(String user, String annotation, String text) {
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json").body(Map.of("comment", text))
                .post("/api/annotations/" + annotation + "/replies").then().statusCode(201).extract().path("id");
    }

    static void blind(String doc, boolean on) {
        admin("PUT", "/api/documents/" + doc + "/blind", Map.of("group", "seminar-a", "blind", on), 200);
    }

    static void admin(String method, String path, Object body, int expected) {
        var request = given().header("Authorization", Tokens.bearer("admin")).contentType("application/json");
        if (body != null) {
            request.body(body);
        }
        request.request(method, path).then().statusCode(expected);
    }

    // ---- reading ----------------------------------------------------------------------------

    /** What {@code read} returns for every group of the realm, joined (a group id is no secret: it is in the caller's own container list). */
    static String eachGroup(java.util.function.Function<String, String> read) {
        List<String> ids = given().header("Authorization", Tokens.bearer("admin")).get("/api/admin/groups").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertTrue(ids.size() >= 2, "the realm has groups: " + ids);
        StringBuilder all = new StringBuilder();
        for (String id : ids) {
            all.append(read.apply(id));
        }
        return all.toString();
    }

    static String api(Caller caller, String path) {
        return given().header("Authorization", Tokens.bearer(caller.username())).get(path).then().extract().asString();
    }

    /** A ZIP download (the .qdpx project) as the text of its entries; a refusal as its problem body. */
    static String unzipped(Caller caller, String path) throws IOException {
        var response = given().header("Authorization", Tokens.bearer(caller.username())).get(path);
        if (response.statusCode() != 200) {
            return response.asString();
        }
        StringBuilder text = new StringBuilder();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(response.asByteArray()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                text.append(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    /**
     * A refusal names the id the caller sent (as it would for an id that never existed): that is the
     * caller's own input, not a disclosure, so it is masked before looking for secrets.
     */
    static String askedFor(String annotationId, String body) {
        return body.contains("\"status\":404") ? body.replace(annotationId, "{asked}") : body;
    }

    String page(Caller caller, String path) throws IOException {
        return caller.pages().getPage(new URL(base, path)).getWebResponse().getContentAsString();
    }

    /** A search read path asked for each secret of the document's scenario, and for the annotated passage. */
    String searched(String documentId, ThrowingRead read) throws Exception {
        List<String> words = new ArrayList<>(List.of("reviewers"));
        setups.values().stream().filter(s -> s.documentId().equals(documentId)).forEach(s -> words.addAll(s.outcome().secrets()));
        if (twoGroupsSetup != null && twoGroupsSetup[0].equals(documentId)) {
            words.addAll(List.of(twoGroupsSetup[3], twoGroupsSetup[4]));
        }
        StringBuilder all = new StringBuilder();
        for (String w : words) {
            all.append(read.read(java.net.URLEncoder.encode(w, java.nio.charset.StandardCharsets.UTF_8)));
        }
        return all.toString();
    }

    /** The hits of a search answer in one document, as text; a refusal as it came. */
    static String hitsIn(String documentId, String body) {
        if (!body.contains("\"hits\"")) {
            return body;
        }
        List<Map<String, Object>> hits = io.restassured.path.json.JsonPath.from(body).getList("hits");
        return hits.stream().filter(h -> documentId.equals(h.get("documentId"))).map(String::valueOf).reduce("", String::concat);
    }

    /** The results of the search page that open a place in one document (the box and the summary repeat the query). */
    static String resultsIn(String documentId, String page) {
        int start = page.indexOf("<ol class=\"search-results\"");
        if (start < 0) {
            return page.contains("search-summary") || page.contains("search-error") ? "" : page;
        }
        StringBuilder shown = new StringBuilder();
        for (String hit : page.substring(start, page.indexOf("</ol>", start)).split("<li class=\"search-hit\">")) {
            if (hit.contains("/documents/" + documentId + "#")) {
                shown.append(hit);
            }
        }
        return shown.toString();
    }

    interface ThrowingRead {
        String read(String query) throws Exception;
    }

    static Set<String> getRoutes() throws Exception {
        return org.seminar.annotator.support.Routes.get();
    }
}
