package org.seminar.annotator.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The REFI-QDA project a QDA program opens: valid against the standard's schema (the file of
 * {@code ../shared/refi-qda/Project.xsd}, copied into the test resources with its MIT notice),
 * every selection's positions cut its quote back out of the source text even after emoji and other
 * characters outside the Basic Multilingual Plane, the same GUIDs on every export, and only what the
 * caller may see.
 */
@QuarkusTest
class QdpxExportTest {

    static final String NS = "urn:QDA-XML:project:1.0";
    static String doc;
    static Map<String, String> quotes = new HashMap<>(); // annotation id -> quote

    @BeforeEach
    void seed() {
        if (doc != null) {
            return;
        }
        doc = Documents.importText("""
                Exports 😀 with non-BMP characters

                Intro 😀 paragraph with 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters 🇧🇾 before the neutrality clause of the constitution.

                Second part

                Another paragraph 👩🏽‍🏫 on strategic autonomy & <non-alignment> "quoted".""");
        var document = Documents.document(doc);
        String p0 = document.getString("sections[0].paragraphs[0].id");
        String t0 = document.getString("sections[0].paragraphs[0].text");
        String p1 = findParagraph(document, "Another paragraph");
        String t1 = paragraphText(document, p1);
        String first = annotate("reviewer1", p0, t0, "neutrality clause", List.of("neutrality", "non-alignment"), "Key 🔑 point <b>");
        annotate("reviewer2", p0, t0, "the neutrality", List.of("neutrality"), null);
        annotate("reviewer1", p1, t1, "strategic autonomy & <non-alignment>", List.of("strategic-autonomy"), null);
        annotate("reviewer4", p1, t1, "strategic autonomy", List.of("strategic-autonomy", "neutrality"), "Group B's view");
        given().header("Authorization", Tokens.bearer("reviewer2")).contentType("application/json").body(Map.of("comment", "I agree 👍"))
                .post("/api/annotations/" + first + "/replies").then().statusCode(201);
    }

    @Test
    void theProjectIsValidAndEverySelectionCutsItsQuoteOutOfTheSource() throws Exception {
        Map<String, byte[]> zip = export("admin", "");
        assertTrue(zip.containsKey("project.qde"), zip.keySet().toString());
        validate(zip.get("project.qde"));
        Element project = parse(zip.get("project.qde"));

        Element source = (Element) project.getElementsByTagNameNS(NS, "TextSource").item(0);
        String path = source.getAttribute("plainTextPath");
        assertEquals("internal://" + source.getAttribute("guid") + ".txt", path);
        byte[] sourceFile = zip.get("sources/" + source.getAttribute("guid") + ".txt");
        assertTrue(sourceFile != null, "the source text is in the archive: " + zip.keySet());
        String text = new String(sourceFile, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Exports 😀 with non-BMP characters\n\nIntro 😀"), text);
        assertTrue(text.contains("\n\nSecond part\n\nAnother paragraph"), "headings and paragraphs, separated by an empty line: " + text);
        int[] codePoints = text.codePoints().toArray();

        NodeList selections = project.getElementsByTagNameNS(NS, "PlainTextSelection");
        assertEquals(4, selections.getLength(), "both groups' annotations for an admin exporting all groups");
        Set<String> cut = new HashSet<>();
        for (int i = 0; i < selections.getLength(); i++) {
            Element s = (Element) selections.item(i);
            int start = Integer.parseInt(s.getAttribute("startPosition"));
            int end = Integer.parseInt(s.getAttribute("endPosition"));
            cut.add(new String(codePoints, start, end - start));
        }
        assertEquals(new HashSet<>(quotes.values()), cut, "positions in code points of the source text");

        // codes: the tags with their colours; codings point at them; users and notes with their authors
        Map<String, String> codes = new HashMap<>();
        NodeList codeNodes = project.getElementsByTagNameNS(NS, "Code");
        for (int i = 0; i < codeNodes.getLength(); i++) {
            Element c = (Element) codeNodes.item(i);
            codes.put(c.getAttribute("guid"), c.getAttribute("name"));
            assertTrue(c.getAttribute("color").matches("#[0-9a-fA-F]{6}"), "a colour for " + c.getAttribute("name"));
        }
        assertTrue(codes.values().containsAll(List.of("neutrality", "non-alignment", "strategic autonomy")), codes.toString());
        NodeList codings = project.getElementsByTagNameNS(NS, "CodeRef");
        assertEquals(6, codings.getLength(), "one coding per tag of each annotation");
        for (int i = 0; i < codings.getLength(); i++) {
            assertTrue(codes.containsKey(((Element) codings.item(i)).getAttribute("targetGUID")));
        }
        Map<String, String> users = new HashMap<>();
        NodeList userNodes = project.getElementsByTagNameNS(NS, "User");
        for (int i = 0; i < userNodes.getLength(); i++) {
            Element u = (Element) userNodes.item(i);
            users.put(u.getAttribute("guid"), u.getAttribute("name"));
        }
        assertTrue(users.values().containsAll(List.of("Rita Reviewer", "Rob Reader", "Ravi Scholar")), users.toString());
        NodeList notes = project.getElementsByTagNameNS(NS, "Note");
        Map<String, String> noteTexts = new HashMap<>();
        for (int i = 0; i < notes.getLength(); i++) {
            Element n = (Element) notes.item(i);
            noteTexts.put(n.getAttribute("guid"), users.get(n.getAttribute("creatingUser")) + ": "
                    + n.getElementsByTagNameNS(NS, "PlainTextContent").item(0).getTextContent());
        }
        assertEquals(Set.of("Rita Reviewer: Key 🔑 point <b>", "Rob Reader: I agree 👍", "Ravi Scholar: Group B's view"),
                new HashSet<>(noteTexts.values()));
        NodeList noteRefs = project.getElementsByTagNameNS(NS, "NoteRef");
        assertEquals(3, noteRefs.getLength());
        for (int i = 0; i < noteRefs.getLength(); i++) {
            assertTrue(noteTexts.containsKey(((Element) noteRefs.item(i)).getAttribute("targetGUID")));
        }
    }

    /**
     * Reads the project the way QualCoder's importer does ({@code src/qualcoder/refi.py} of
     * ccbogel/QualCoder at c3204641, {@code load_text_source} and {@code load_codings_for_text}):
     * a selection's {@code Description} is the memo of each of its codings (or, without codings, an
     * annotation of its own), the coder is the {@code User} named by {@code creatingUser}, and
     * {@code NoteRef}s inside a selection are not read at all. Every comment and reply, with its
     * author and date, must survive that reading.
     */
    @Test
    void aQualCoderStyleReadingFindsEveryCommentAndReply() throws Exception {
        Element project = parse(export("admin", "").get("project.qde"));
        Map<String, String> users = new HashMap<>();
        NodeList userNodes = project.getElementsByTagNameNS(NS, "User");
        for (int i = 0; i < userNodes.getLength(); i++) {
            Element u = (Element) userNodes.item(i);
            users.put(u.getAttribute("guid"), u.getAttribute("name"));
        }
        Map<String, String> codeNames = new HashMap<>();
        NodeList codeNodes = project.getElementsByTagNameNS(NS, "Code");
        for (int i = 0; i < codeNodes.getLength(); i++) {
            Element c = (Element) codeNodes.item(i);
            codeNames.put(c.getAttribute("guid"), c.getAttribute("name"));
        }
        Element source = (Element) project.getElementsByTagNameNS(NS, "TextSource").item(0);
        List<String> codingMemos = new java.util.ArrayList<>(); // "coder | code | memo", as QualCoder's code_text rows
        for (Element selection : children(source, "PlainTextSelection")) {
            String memo = children(selection, "Description").stream().map(Element::getTextContent).findFirst().orElse("");
            String coder = users.getOrDefault(selection.getAttribute("creatingUser"), "default");
            for (Element coding : children(selection, "Coding")) {
                String code = codeNames.get(children(coding, "CodeRef").get(0).getAttribute("targetGUID"));
                codingMemos.add(coder + " | " + code + " | " + memo);
            }
        }
        String first = codingMemos.stream().filter(m -> m.startsWith("Rita Reviewer | neutrality | ") && m.contains("Key")).findFirst()
                .orElseThrow(() -> new AssertionError("Rita's coding with her comment as memo: " + codingMemos));
        assertTrue(first.matches("(?s).*Rita Reviewer, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: Key 🔑 point <b>\n\n"
                + "Reply by Rob Reader, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: I agree 👍"), first);
        assertTrue(codingMemos.stream().anyMatch(m -> m.startsWith("Rita Reviewer | non-alignment | ") && m.contains("I agree 👍")),
                "the memo is on every coding of the selection: " + codingMemos);
        assertTrue(codingMemos.stream().anyMatch(m -> m.startsWith("Ravi Scholar | strategic autonomy | ") && m.contains("Group B's view")),
                codingMemos.toString());
        assertTrue(codingMemos.stream().anyMatch(m -> m.equals("Rob Reader | neutrality | ")), "no comment, no memo: " + codingMemos);
        for (Element code : children((Element) project.getElementsByTagNameNS(NS, "Codes").item(0), "Code")) {
            assertTrue(code.getAttribute("color").matches("#[0-9A-F]{6}"), "QualCoder reads only #RRGGBB: " + code.getAttribute("color"));
        }
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    @Test
    void exportingTwiceGivesTheSameGuidsAndAReviewerGetsOnlyHisGroup() throws Exception {
        Element once = parse(export("admin", "").get("project.qde"));
        Element twice = parse(export("admin", "").get("project.qde"));
        assertEquals(guids(once), guids(twice));

        Map<String, byte[]> own = export("reviewer1", "");
        validate(own.get("project.qde"));
        Element project = parse(own.get("project.qde"));
        assertEquals(3, project.getElementsByTagNameNS(NS, "PlainTextSelection").getLength(), "seminar-a's three annotations");
        assertFalse(new String(own.get("project.qde"), StandardCharsets.UTF_8).contains("Group B"), "nothing of seminar-b");
        assertTrue(guids(once).containsAll(guids(project)), "the same things keep their GUIDs in a smaller export");

        String disposition = given().header("Authorization", Tokens.bearer("admin")).queryParam("group", "seminar-b")
                .get("/api/documents/" + doc + "/export.qdpx").then().statusCode(200).contentType("application/zip")
                .extract().header("Content-Disposition");
        assertTrue(disposition.matches("attachment; filename=\"exports-non-bmp_seminar-b_annotations_\\d{4}-\\d\\d-\\d\\d\\.qdpx\""), disposition);
        given().header("Authorization", Tokens.bearer("reviewer1")).queryParam("group", "seminar-b")
                .get("/api/documents/" + doc + "/export.qdpx").then().statusCode(403).contentType("application/problem+json");
        given().get("/api/documents/" + doc + "/export.qdpx").then().statusCode(401);
    }

    // ---- helpers ----------------------------------------------------------------------------

    static String annotate(String user, String paragraph, String text, String quote, List<String> tags, String comment) {
        int start = text.indexOf(quote);
        Map<String, Object> body = new HashMap<>(Map.of("paragraphId", paragraph, "start", start, "end", start + quote.length(),
                "quote", quote, "tags", tags));
        if (comment != null) {
            body.put("comment", comment);
        }
        String id = given().header("Authorization", Tokens.bearer(user)).contentType("application/json").body(body)
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
        quotes.put(id, quote);
        return id;
    }

    static String findParagraph(io.restassured.path.json.JsonPath document, String prefix) {
        List<Map<String, Object>> sections = document.getList("sections");
        for (Map<String, Object> s : sections) {
            for (Object p : (List<?>) s.get("paragraphs")) {
                Map<?, ?> para = (Map<?, ?>) p;
                if (para.get("text").toString().startsWith(prefix)) {
                    return para.get("id").toString();
                }
            }
        }
        throw new AssertionError("no paragraph starting with " + prefix);
    }

    static String paragraphText(io.restassured.path.json.JsonPath document, String id) {
        List<Map<String, Object>> sections = document.getList("sections");
        for (Map<String, Object> s : sections) {
            for (Object p : (List<?>) s.get("paragraphs")) {
                if (((Map<?, ?>) p).get("id").equals(id)) {
                    return ((Map<?, ?>) p).get("text").toString();
                }
            }
        }
        throw new AssertionError();
    }

    static Map<String, byte[]> export(String user, String query) throws IOException {
        byte[] body = given().header("Authorization", Tokens.bearer(user)).get("/api/documents/" + doc + "/export.qdpx" + query)
                .then().statusCode(200).extract().asByteArray();
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    static void validate(byte[] qde) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(QdpxExportTest.class.getResource("/refi-qda/Project.xsd"));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(qde))); // throws on the first error
    }

    static Element parse(byte[] qde) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(qde)).getDocumentElement();
    }

    static Set<String> guids(Element project) {
        Set<String> guids = new HashSet<>();
        NodeList all = project.getElementsByTagNameNS(NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            String g = ((Element) all.item(i)).getAttribute("guid");
            if (!g.isEmpty()) {
                guids.add(((Element) all.item(i)).getLocalName() + " " + g);
            }
        }
        return guids;
    }
}
