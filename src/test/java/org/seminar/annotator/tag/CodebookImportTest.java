package org.seminar.annotator.tag;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * Tags loaded from the codebooks QDA programs write: a preview that changes nothing, nested codes
 * named by their path, colours kept, existing tags left alone, the codebook of a .qdpx project, and
 * a clear 400 naming the file for anything else, with nothing created.
 */
@QuarkusTest
class CodebookImportTest {

    /** Tags this class created, retired afterwards so that the codebook other tests see stays the default one. */
    static final java.util.Set<String> created = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @org.junit.jupiter.api.AfterEach
    void retireWhatWasCreated() {
        for (String slug : created) {
            given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("retired", true))
                    .put("/api/tags/" + slug).then().statusCode(200);
        }
        created.clear();
    }

    static String qdc(String codes) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"a QDA program\"><Codes>"
                + codes + "</Codes></CodeBook>";
    }

    static io.restassured.response.Response send(String user, String contentType, byte[] file, boolean preview) {
        io.restassured.response.Response response = given().header("Authorization", Tokens.bearer(user)).contentType(contentType).body(file)
                .queryParam("preview", preview).post("/api/tags/import");
        if (!preview && response.statusCode() == 201) {
            created.addAll(response.jsonPath().getList("created.slug"));
        }
        return response;
    }

    static List<String> tagNames() {
        return given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/tags").jsonPath().getList("name");
    }

    @Test
    void aCodebookIsPreviewedThenImportedWithNestedCodesNamedByTheirPath() {
        String run = String.valueOf(System.nanoTime() % 1_000_000);
        String file = qdc("""
                <Code guid="4b7c1a2e-0000-4000-8000-000000000001" name="Security %1$s" isCodable="false" color="#C0504D">
                  <Code guid="4b7c1a2e-0000-4000-8000-000000000002" name="Military alliances" isCodable="true" color="#3a6">
                    <Description>Membership in, or distance from, a military bloc.</Description>
                  </Code>
                  <Code guid="4b7c1a2e-0000-4000-8000-000000000003" name="Arms control" isCodable="true"/>
                </Code>
                <Code guid="4b7c1a2e-0000-4000-8000-000000000004" name="Economy %1$s" isCodable="true">
                  <Code guid="4b7c1a2e-0000-4000-8000-000000000005" name="Energy dependence" isCodable="true" color="#123456"/>
                </Code>
                <Code guid="4b7c1a2e-0000-4000-8000-000000000006" name="Neutrality" isCodable="true"/>""".formatted(run));
        List<String> before = tagNames();
        JsonPath preview = send("admin", "application/xml", file.getBytes(StandardCharsets.UTF_8), true).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("Security " + run + " / Military alliances", "Security " + run + " / Arms control", "Economy " + run,
                "Economy " + run + " / Energy dependence", "Neutrality"), preview.getList("rows.name"));
        assertEquals(List.of("new", "new", "new", "new", "exists"), preview.getList("rows.status"));
        assertEquals("#33aa66", preview.getString("rows[0].color"), "#RGB becomes #RRGGBB");
        assertEquals("Membership in, or distance from, a military bloc.", preview.getString("rows[0].description"));
        assertTrue(preview.getString("rows[0].warning").startsWith("#33aa66 is too light to see on the page"),
                "a QDA colour too pale for the reading page is imported as it is, with a warning: " + preview.getString("rows[0].warning"));
        assertEquals(null, preview.getString("rows[3].warning"), "#123456 is seen well");
        assertEquals(4, preview.getInt("toCreate"));
        assertEquals(before, tagNames(), "a preview changes nothing");

        JsonPath result = send("admin", "application/xml", file.getBytes(StandardCharsets.UTF_8), false).then().statusCode(201)
                .extract().jsonPath();
        assertEquals(4, result.getList("created").size());
        assertEquals(1, result.getInt("existing"));
        List<String> after = tagNames();
        assertTrue(after.contains("Economy " + run + " / Energy dependence"), after.toString());
        assertEquals(before.size() + 4, after.size());
        assertTrue(after.containsAll(before));
        given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/tags").then()
                .body("find { it.name == 'Economy " + run + " / Energy dependence' }.color", equalTo("#123456"));

        // importing again creates nothing; the new tags can be used at once
        send("admin", "application/xml", file.getBytes(StandardCharsets.UTF_8), false).then().statusCode(201).body("created.size()", equalTo(0));
        String slug = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/tags").jsonPath()
                .getString("find { it.name == 'Economy " + run + "' }.slug");
        String doc = Documents.importText("Codebook use\n\nEnergy dependence shapes the options of a small state.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 0, "end", 6, "quote", "Energy", "tags", List.of(slug)))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
    }

    @Test
    void theCodebookOfAQdpxProjectIsReadIncludingOurOwnExports() throws Exception {
        String doc = Documents.bundledId();
        byte[] ours = given().header("Authorization", Tokens.bearer("admin")).queryParam("group", "seminar-a")
                .get("/api/documents/" + doc + "/export.qdpx").then().statusCode(200).extract().asByteArray();
        JsonPath preview = send("admin", "application/zip", ours, true).then().statusCode(200).extract().jsonPath();
        assertTrue(preview.getList("rows.status").stream().allMatch("exists"::equals), preview.prettify());
        assertTrue(preview.getList("rows.name").containsAll(List.of("neutrality", "non-alignment", "strategic autonomy")));

        String run = String.valueOf(System.nanoTime() % 1_000_000);
        byte[] project = zip("project.qde", ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">"
                + "<CodeBook><Codes><Code guid=\"4b7c1a2e-0000-4000-8000-0000000000aa\" name=\"Sovereignty " + run + "\" isCodable=\"true\"/>"
                + "</Codes></CodeBook></Project>").getBytes(StandardCharsets.UTF_8));
        send("admin", "application/octet-stream", project, false).then().statusCode(201)
                .body("created[0].name", equalTo("Sovereignty " + run));
    }

    @Test
    void anythingElseIsRefusedNamingTheFileAndChangesNothing() throws Exception {
        List<String> before = tagNames();
        List<byte[]> bad = List.of(
                "not xml at all".getBytes(StandardCharsets.UTF_8),
                "<Project xmlns=\"urn:other\"/>".getBytes(StandardCharsets.UTF_8),
                ("<?xml version=\"1.0\"?><!DOCTYPE CodeBook [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"4b7c1a2e-0000-4000-8000-000000000001\" name=\"&x;\" isCodable=\"true\"/></Codes></CodeBook>")
                        .getBytes(StandardCharsets.UTF_8),
                qdc("").getBytes(StandardCharsets.UTF_8),
                qdc("<Code guid=\"4b7c1a2e-0000-4000-8000-000000000001\" name=\"\" isCodable=\"true\"/>").getBytes(StandardCharsets.UTF_8),
                zip("other.xml", qdc("<Code guid=\"x\" name=\"A\" isCodable=\"true\"/>").getBytes(StandardCharsets.UTF_8)),
                new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        for (byte[] file : bad) {
            for (boolean preview : List.of(true, false)) {
                send("admin", "application/xml", file, preview).then().statusCode(400).contentType("application/problem+json")
                        .body("errors.field", hasItem("file"));
            }
        }
        // one invalid code: the preview says which; the import creates none of the file's tags
        String tooLong = "A".repeat(50);
        byte[] mixed = qdc("<Code guid=\"4b7c1a2e-0000-4000-8000-000000000001\" name=\"Fine " + System.nanoTime() + "\" isCodable=\"true\"/>"
                + "<Code guid=\"4b7c1a2e-0000-4000-8000-000000000002\" name=\"" + tooLong + "\" isCodable=\"false\">"
                + "<Code guid=\"4b7c1a2e-0000-4000-8000-000000000003\" name=\"" + tooLong + "\" isCodable=\"true\"/></Code>")
                .getBytes(StandardCharsets.UTF_8);
        send("admin", "application/xml", mixed, true).then().statusCode(200).body("rows.status", equalTo(List.of("new", "invalid")))
                .body("invalid", equalTo(1));
        send("admin", "application/xml", mixed, false).then().statusCode(400).body("errors[0].field", equalTo("file"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("longer than 80"));
        send("reviewer1", "application/xml", qdc("").getBytes(StandardCharsets.UTF_8), true).then().statusCode(403);
        assertEquals(before, tagNames());
    }

    static byte[] zip(String name, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
