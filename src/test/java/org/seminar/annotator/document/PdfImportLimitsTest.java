package org.seminar.annotator.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.document.parse.PdfArticleReaderTest;
import org.seminar.annotator.support.BadPdfs;
import org.seminar.annotator.support.JournalPdf;
import org.seminar.annotator.support.Tokens;

/**
 * PDF imports through {@code POST /api/documents} are bounded and apply the text rule: a bomb, too many pages and a
 * text layer that does not decode are refused with problem+json naming why, storing nothing; a stray undecodable
 * glyph is stored visibly as U+FFFD; and while one PDF is read, the next upload is told to retry.
 */
@QuarkusTest
class PdfImportLimitsTest {

    private static final Logger LOG = Logger.getLogger(PdfImportLimitsTest.class);

    @TestHTTPResource("/")
    URL base;

    private static Response postPdf(byte[] pdf) {
        return given().header("Authorization", Tokens.bearer("admin")).contentType("application/pdf").body(pdf).post("/api/documents");
    }

    private static List<String> documentIds() {
        return given().header("Authorization", Tokens.bearer("admin")).get("/api/documents").then().statusCode(200)
                .extract().jsonPath().getList("id");
    }

    @Test
    void aPdfBombIsRefusedWithin413InSecondsAndNothingIsStored() {
        byte[] bomb = BadPdfs.bomb(PdfArticleReaderTest.article(1), 200L << 20);
        List<String> before = documentIds();
        long started = System.nanoTime();
        postPdf(bomb).then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("the PDF inflates past 64 MB (its compressed contents decode to more than this server reads)"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("A %d-byte PDF inflating to 200 MB was refused after %d ms", bomb.length, millis);
        assertTrue(millis < 5_000, "refused after " + millis + " ms");
        assertEquals(before, documentIds(), "nothing stored");
    }

    @Test
    void aPdfWithMorePagesThanAreReadIsRefusedWith413() {
        List<String> before = documentIds();
        postPdf(BadPdfs.pages(2000)).then().statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo("body: the PDF has 2,000 pages; at most 300 are read"))
                .body("errors[0].field", equalTo("body"));
        assertEquals(before, documentIds(), "nothing stored");
    }

    @Test
    void aPdfWhoseFontsHaveNoUnicodeMapIsRefusedWithItsPagesNamed() {
        List<String> before = documentIds();
        postPdf(BadPdfs.withUnreadablePages(22)).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", startsWith("pages 2-23 use fonts without a Unicode map (Helvetica); their text cannot be read."));
        assertEquals(before, documentIds(), "nothing stored");
    }

    @Test
    void aStrayUndecodableGlyphIsStoredVisiblyAsAReplacementCharacterNeverAsAControlCharacter() {
        String id = postPdf(BadPdfs.withStrayUnreadableGlyph("x")).then().statusCode(201).extract().path("id");
        JsonPath doc = given().header("Authorization", Tokens.bearer("admin")).get("/api/documents/" + id).then().statusCode(200)
                .extract().jsonPath();
        List<String> texts = doc.getList("sections.paragraphs.flatten().text");
        String all = String.join("\n", texts);
        assertTrue(all.contains("They call it \uFFFD in their own words."), all);
        assertFalse(all.chars().anyMatch(c -> c < 0x20 && c != '\n'), "no control characters: " + all);
    }

    @Test
    void whileOnePdfIsReadTheNextUploadIsToldToRetryAndReadersAreNotHeldUp() throws Exception {
        // about 60 pages: seconds of reading (well within the time limit), far longer than the requests below
        byte[] longArticle = JournalPdf.longArticle(100).render();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest importLong = HttpRequest.newBuilder(URI.create(base + "api/documents")).header("Authorization", Tokens.bearer("admin"))
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(longArticle)).build();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            while (true) {
                try {
                    HttpResponse<String> answer = client.send(importLong, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 503) {
                        return answer;
                    } // a scan below got in first: again
                } catch (java.io.IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        // a scan is refused once read (400); while the long article holds the only import thread it is not read at all (503)
        Response busy = null;
        List<Long> listMillis = new ArrayList<>();
        while (!first.isDone() && (busy == null || listMillis.size() < 20)) {
            if (busy == null) {
                Response second = postPdf(JournalPdf.imageOnly());
                if (second.statusCode() == 503) {
                    busy = second;
                } else {
                    assertEquals(400, second.statusCode(), second.asString());
                }
            }
            long listStarted = System.nanoTime();
            documentIds();
            listMillis.add((System.nanoTime() - listStarted) / 1_000_000);
        }
        HttpResponse<String> firstAnswer = first.get();
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(201, firstAnswer.statusCode(), firstAnswer.body());
        assertTrue(busy != null, "a second upload while the first was read was answered 503 (the first took " + firstMillis + " ms)");
        busy.then().contentType("application/problem+json").header("Retry-After", "5").body("title", equalTo("Busy importing"));
        long slowestList = listMillis.stream().mapToLong(Long::longValue).max().orElse(0);
        LOG.infof("Reading a %d-byte PDF took %d ms; meanwhile the document list answered %d times, the slowest in %d ms",
                longArticle.length, firstMillis, listMillis.size(), slowestList);
        assertTrue(slowestList < firstMillis / 2, "the list answered in " + slowestList + " ms while the import took " + firstMillis + " ms");
    }
}
