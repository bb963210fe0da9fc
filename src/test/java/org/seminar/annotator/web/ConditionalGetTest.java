package org.seminar.annotator.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** A reload of an unchanged document transfers almost nothing, and what is sent is compressed. */
@QuarkusTest
class ConditionalGetTest {

    @Test
    void anUnchangedListAnswers304AndAChangeANewEtag() {
        String doc = Documents.importText("Conditional\n\nA reload of an unchanged document transfers almost nothing.");
        String paragraph = Documents.document(doc).getString("sections[0].paragraphs[0].id");
        String path = "/api/documents/" + doc + "/annotations";
        String etag = given().header("Authorization", Tokens.bearer("reviewer1")).get(path).then().statusCode(200).extract().header("ETag");
        given().header("Authorization", Tokens.bearer("reviewer1")).header("If-None-Match", etag).get(path)
                .then().statusCode(304).header("ETag", equalTo(etag)).body(equalTo(""));
        given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", paragraph, "start", 2, "end", 8, "quote", "reload", "tags", List.of("neutrality")))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201);
        String changed = given().header("Authorization", Tokens.bearer("reviewer1")).header("If-None-Match", etag).get(path)
                .then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, changed);
        String otherReader = given().header("Authorization", Tokens.bearer("reviewer4")).get(path).then().statusCode(200).extract().header("ETag");
        assertNotEquals(changed, otherReader, "each reader's view has its own tag");
        given().header("Authorization", Tokens.bearer("reviewer1")).header("If-None-Match", changed).get("/api/documents/" + doc)
                .then().statusCode(200);
        String docTag = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + doc).then().extract().header("ETag");
        given().header("Authorization", Tokens.bearer("reviewer1")).header("If-None-Match", docTag).get("/api/documents/" + doc)
                .then().statusCode(304);
    }

    @Test
    void jsonAndPagesAreSentCompressed() {
        var raw = given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Authorization", Tokens.bearer("reviewer1")).header("Accept-Encoding", "gzip")
                .get("/api/documents/" + Documents.bundledId()).then().statusCode(200).header("Content-Encoding", "gzip").extract();
        int plain = given().header("Authorization", Tokens.bearer("reviewer1")).get("/api/documents/" + Documents.bundledId())
                .then().extract().asByteArray().length;
        assertTrue(raw.asByteArray().length * 3 < plain, "compressed " + raw.asByteArray().length + " of " + plain + " bytes");
        given().header("Accept-Encoding", "gzip").get("/static/app.css").then().statusCode(200).header("Content-Encoding", "gzip");
    }
}
