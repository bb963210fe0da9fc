package org.seminar.annotator.tag;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.PageSessions;
import org.seminar.annotator.support.Tokens;

/**
 * The codebook editor's rules, through the API and the admin page: every change keeps the version rule (a stale edit is
 * a 409 and the page says "changed meanwhile"), a colour that cannot be seen on the reading page is refused naming the
 * field, a retired tag is offered for no new annotation while old ones keep it, and each change is in the admin log.
 */
@QuarkusTest
class CodebookEditorTest {

    @TestHTTPResource("/")
    URL base;

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 10_000_000;
    }

    static ValidatableResponse newTag(String slug, String name, String color) {
        return given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body(Map.of("slug", slug, "name", name, "color", color, "description", "A code of the editor's tests."))
                .post("/api/tags").then();
    }

    static ValidatableResponse change(String slug, Map<String, Object> change) {
        return given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(change)
                .put("/api/tags/" + slug).then();
    }

    static void retireQuietly(String slug) {
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("retired", true))
                .put("/api/tags/" + slug);
    }

    static ValidatableResponse annotate(String user, String doc, String paragraph, String quote, String tag) {
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 0, "end", quote.length(), "quote", quote, "tags", List.of(tag)))
                .post("/api/documents/" + doc + "/annotations").then();
    }

    static List<String> logSentences(String action) {
        return given().header("Authorization", Tokens.bearer("admin")).queryParam("action", action).get("/api/admin/log").then()
                .statusCode(200).extract().jsonPath().getList("sentence");
    }

    @Test
    void everyChangeNamesTheVersionItReadAndAStaleOneIsRefusedWith409() {
        String slug = unique("stance");
        try {
            newTag(slug, "Stance", "#7b341e").statusCode(201).body("version", equalTo(1));
            change(slug, Map.of("name", "Stance taken", "version", 1)).statusCode(200).body("name", equalTo("Stance taken"))
                    .body("version", equalTo(2));
            change(slug, Map.of("color", "#225588", "version", 1)).statusCode(409).body("title", equalTo("Changed meanwhile"))
                    .body("detail", containsString("changed meanwhile"));
            change(slug, Map.of("description", "Where the author stands.", "color", "#225588", "version", 2)).statusCode(200)
                    .body("color", equalTo("#225588")).body("description", equalTo("Where the author stands.")).body("version", equalTo(3));
            // reorder: first, then back to the end; the other tags keep their versions (their open forms stay valid)
            Map<String, Integer> before = versions();
            change(slug, Map.of("position", 1, "version", 3)).statusCode(200);
            List<String> order = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/tags").then().extract().jsonPath()
                    .getList("slug");
            assertEquals(slug, order.get(0), "moved to the first place");
            Map<String, Integer> after = versions();
            before.forEach((s, v) -> assertTrue(s.equals(slug) || v.equals(after.get(s)), s + " kept its version"));
            change(slug, Map.of("position", order.size(), "version", 4)).statusCode(200);
            change(slug, Map.of("position", order.size() + 1, "version", 5)).statusCode(400).body("errors[0].field", equalTo("position"));
            assertTrue(logSentences("tag-update").stream().anyMatch(s -> s.equals("Ada Admin renamed the tag \u201cStance\u201d to \u201cStance taken\u201d")),
                    logSentences("tag-update").toString());
            assertTrue(logSentences("tag-update").stream().anyMatch(s -> s.equals("Ada Admin recoloured the tag \u201cStance taken\u201d from #7b341e to "
                    + "#225588 and changed the meaning of it")),
                    logSentences("tag-update").toString());
            assertTrue(logSentences("tag-move").stream().anyMatch(s -> s.startsWith("Ada Admin moved the tag \u201cStance taken\u201d from place ")
                    && s.endsWith(" to 1")), logSentences("tag-move").toString());
            assertTrue(logSentences("tag-create").contains("Ada Admin added the tag \u201cStance\u201d (#7b341e)"));
        } finally {
            retireQuietly(slug);
        }
    }

    private static Map<String, Integer> versions() {
        Map<String, Integer> versions = new HashMap<>();
        given().header("Authorization", Tokens.bearer("admin")).get("/api/tags").then().extract().jsonPath().getList("$", Map.class)
                .forEach(t -> versions.put((String) t.get("slug"), (Integer) t.get("version")));
        return versions;
    }

    @Test
    void aColourThatCannotBeSeenOnTheReadingPageIsRefusedNamingTheField() {
        String slug = unique("pale");
        newTag(slug, "Pale", "#f6e05e").statusCode(400).body("errors[0].field", equalTo("color"))
                .body("errors[0].message", containsString("3:1")).body("errors[0].message", containsString(TagColours.PAPER));
        try {
            newTag(slug, "Pale", "#975a16").statusCode(201);
            change(slug, Map.of("color", "#fefcbf", "version", 1)).statusCode(400).body("errors[0].field", equalTo("color"))
                    .body("errors[0].message", containsString("too light"));
            given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/tags").then()
                    .body("find { it.slug == '" + slug + "' }.color", equalTo("#975a16")).body("find { it.slug == '" + slug + "' }.version", equalTo(1));
        } finally {
            retireQuietly(slug);
        }
    }

    @Test
    void aRetiredTagIsOfferedForNoNewAnnotationOldOnesKeepItAndARestoredOneIsOfferedAgain() {
        String slug = unique("retiring");
        String doc = Documents.importText("Retiring tags\n\nA paragraph that keeps its tags whatever the codebook does later.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        try {
            newTag(slug, "Retiring", "#553c9a").statusCode(201);
            String old = annotate("reviewer1", doc, paragraph, "A paragraph", slug).statusCode(201).extract().path("id");
            change(slug, Map.of("retired", true, "version", 1)).statusCode(200).body("retired", equalTo(true));
            annotate("reviewer2", doc, paragraph, "A paragraph", slug).statusCode(400).body("errors[0].field", equalTo("tags[0]"))
                    .body("errors[0].message", containsString("retired"));
            given().header("Authorization", Tokens.bearer("reviewer2")).get("/api/annotations/" + old).then().statusCode(200)
                    .body("tags", equalTo(List.of(slug)));
            given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc + "/annotations/compact").then()
                    .statusCode(200).body("tags.find { it.slug == '" + slug + "' }.retired", equalTo(true));
            change(slug, Map.of("retired", false, "version", 2)).statusCode(200).body("retired", equalTo(false));
            annotate("reviewer2", doc, paragraph, "A paragraph", slug).statusCode(201);
            assertTrue(logSentences("tag-retire").contains("Ada Admin retired the tag \u201cRetiring\u201d"), logSentences("tag-retire").toString());
            assertTrue(logSentences("tag-restore").contains("Ada Admin brought back the tag \u201cRetiring\u201d"));
        } finally {
            retireQuietly(slug);
        }
    }

    @Test
    void theCodebookPageAddsAndRecoloursTagsAndAStaleFormSaysChangedMeanwhile() throws Exception {
        String name = unique("Framing");
        String slug = TagService.slugOf(name);
        try (WebClient admin = PageSessions.signedIn(base, "admin")) {
            HtmlPage page = admin.getPage(new URL(base, "/admin/codebook"));
            HtmlForm add = page.getHtmlElementById("new-tag");
            add.getInputByName("name").setValue(name);
            add.getInputByName("color").setValue("#f0f0f0");
            add.getInputByName("description").setValue("How the problem is put.");
            HtmlPage refused = add.getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertEquals(400, refused.getWebResponse().getStatusCode());
            assertEquals("true", refused.getHtmlElementById("new-color").getAttribute("aria-invalid"));
            assertTrue(refused.getHtmlElementById("new-color-error").asNormalizedText().startsWith("Colour: #f0f0f0 is too light"),
                    refused.getHtmlElementById("new-color-error").asNormalizedText());
            assertEquals(name, refused.getHtmlElementById("new-name").getAttribute("value"), "what was typed is kept");

            HtmlForm again = refused.getHtmlElementById("new-tag");
            again.getInputByName("color").setValue("#2c7a7b");
            HtmlPage added = again.getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertTrue(added.getHtmlElementById("tag-" + slug).asNormalizedText().contains(name), added.asNormalizedText());
            assertTrue(added.asNormalizedText().contains("Tag \u201c" + name + "\u201d added."));

            // two tabs on the same version: the first saves, the second is refused and says so
            HtmlPage first = admin.getPage(new URL(base, "/admin/codebook"));
            HtmlPage second = admin.getPage(new URL(base, "/admin/codebook"));
            HtmlForm one = (HtmlForm) first.getHtmlElementById("color-" + slug).getEnclosingForm();
            one.getInputByName("color").setValue("#285e61");
            HtmlPage saved = one.getOneHtmlElementByAttribute("button", "value", "save").click();
            assertEquals(200, saved.getWebResponse().getStatusCode());
            assertTrue(saved.asNormalizedText().contains("\u201c" + name + "\u201d saved."));
            HtmlForm two = (HtmlForm) second.getHtmlElementById("color-" + slug).getEnclosingForm();
            two.getInputByName("name").setValue(name + " (renamed)");
            HtmlPage stale = two.getOneHtmlElementByAttribute("button", "value", "save").click();
            assertEquals(409, stale.getWebResponse().getStatusCode());
            assertTrue(stale.getHtmlElementById("stale-" + slug).asNormalizedText().contains("Changed meanwhile: reload"),
                    stale.asNormalizedText());
            assertTrue(stale.getHtmlElementById("form-error").asNormalizedText().contains("changed meanwhile"));
            given().header("Authorization", Tokens.bearer("admin")).get("/api/tags").then()
                    .body("find { it.slug == '" + slug + "' }.name", equalTo(name)).body("find { it.slug == '" + slug + "' }.color", equalTo("#285e61"));

            // retire and bring back from the page
            HtmlPage current = admin.getPage(new URL(base, "/admin/codebook"));
            HtmlPage retired = current.getHtmlElementById("tag-" + slug).getOneHtmlElementByAttribute("button", "value", "retire").click();
            assertTrue(retired.asNormalizedText().contains("retired: it is no longer offered for new annotations"), retired.asNormalizedText());
            HtmlPage back = retired.getHtmlElementById("tag-" + slug).getOneHtmlElementByAttribute("button", "value", "restore").click();
            assertTrue(back.asNormalizedText().contains("is back"));
        } finally {
            retireQuietly(slug);
        }
        try (WebClient reviewer = PageSessions.signedIn(base, "reviewer1")) {
            assertEquals(403, reviewer.getPage(new URL(base, "/admin/codebook")).getWebResponse().getStatusCode());
        }
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json").body(Map.of("retired", true))
                .put("/api/tags/" + slug).then().statusCode(403);
    }
}
