package org.seminar.annotator.participation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * Participation against the API: several reviewers annotate and reply through the API, and every
 * figure of the participation JSON and its CSV equals what is computed from the annotation list
 * (admins: the whole group; reviewers: their own row only; other groups refused).
 */
@QuarkusTest
class ParticipationApiTest {

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    static final String TEXT = "Participation %s\n\nThe first paragraph speaks of neutrality and of alliances.\n\n"
            + "The second paragraph speaks of non-alignment between the blocs.\n\nThe third paragraph weighs strategic autonomy.";

    /** A document with three paragraphs, due on {@code due}; returns its id and paragraph ids. */
    static String[] document(String marker, LocalDate due) {
        String doc = Documents.importText(TEXT.formatted(marker));
        as("admin").contentType("application/json").body(Map.of("dueDate", due.toString())).put("/api/documents/" + doc).then().statusCode(200);
        JsonPath d = Documents.document(doc);
        return new String[] { doc, d.getString("sections[0].paragraphs[0].id"), d.getString("sections[0].paragraphs[1].id"),
                d.getString("sections[0].paragraphs[2].id") };
    }

    static String annotate(String user, String doc, String paragraph, int start, int end, String quote, String comment) {
        Map<String, Object> body = new HashMap<>(Map.of("paragraphId", paragraph, "start", start, "end", end, "quote", quote, "tags", List.of("neutrality")));
        if (comment != null) {
            body.put("comment", comment);
        }
        return as(user).contentType("application/json").body(body).post("/api/documents/" + doc + "/annotations").then().statusCode(201)
                .extract().path("id");
    }

    static String reply(String user, String annotation, String text) {
        return as(user).contentType("application/json").body(Map.of("comment", text)).post("/api/annotations/" + annotation + "/replies")
                .then().statusCode(201).extract().path("id");
    }

    /** The work of three reviewers of seminar-a and one of seminar-b, one reply hidden by moderation. */
    static String[] seminar(String marker, LocalDate due) {
        String[] d = document(marker, due);
        String a1 = annotate("reviewer1", d[0], d[1], 4, 9, "first", "A neutral  reading\nof the first.");
        String a2 = annotate("reviewer1", d[0], d[1], 0, 14, "The first para", null);
        annotate("reviewer1", d[0], d[2], 4, 10, "second", "Bloc politics.");
        String b1 = annotate("reviewer2", d[0], d[3], 4, 9, "third", "Autonomy, weighed.");
        reply("reviewer2", a1, "I agree with this reading.");
        reply("reviewer2", a2, "Why the whole opening?");
        reply("reviewer1", b1, "Weighed against what?");
        reply("reviewer1", a1, "A note to myself.");
        String hidden = reply("reviewer3", a1, "An insult that moderation hides.");
        as("admin").contentType("application/json").body(Map.of("hidden", true)).put("/api/annotations/" + a1 + "/replies/" + hidden + "/hidden")
                .then().statusCode(200);
        reply("reviewer3", b1, "Fine.");
        annotate("reviewer4", d[0], d[1], 4, 9, "first", "Another group's view.");
        return d;
    }

    /** What participation must say, computed from the admin's annotation list of the group. */
    record Expected(long annotations, long repliesGiven, long repliesReceived, long words, long paragraphs, long characters, Instant first,
            Instant last, long late, long annotationsInTime, long repliesInTime) {
    }

    static final Pattern WORD = Pattern.compile("\\S+");

    static long words(String text) {
        if (text == null) {
            return 0;
        }
        long n = 0;
        for (Matcher m = WORD.matcher(text); m.find();) {
            n++;
        }
        return n;
    }

    static Map<String, Expected> expected(String doc, String group, LocalDate due) {
        Instant ends = due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Map<String, Object>> list = as("admin").get("/api/documents/" + doc + "/annotations?group=" + group).then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, long[]> n = new TreeMap<>(); // annotations, given, received, words, late, annInTime, repInTime
        Map<String, Set<String>> paragraphs = new HashMap<>();
        Map<String, Map<String, java.util.BitSet>> covered = new HashMap<>();
        Map<String, Instant[]> span = new HashMap<>();
        for (Map<String, Object> a : list) {
            if (Boolean.TRUE.equals(a.get("hidden"))) {
                continue;
            }
            String author = (String) a.get("author");
            // a withdrawn annotation no longer counts as its author's, but its discussion stays, and so do its replies
            boolean withdrawn = Boolean.TRUE.equals(a.get("withdrawn"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> replies = (List<Map<String, Object>>) a.get("replies");
            countReplies(n, span, author, replies, ends);
            if (withdrawn) {
                continue;
            }
            long[] c = n.computeIfAbsent(author, k -> new long[7]);
            c[0]++;
            c[3] += words((String) a.get("comment"));
            Instant created = Instant.parse((String) a.get("created"));
            c[created.isBefore(ends) ? 5 : 4]++;
            seen(span, author, created);
            paragraphs.computeIfAbsent(author, k -> new HashSet<>()).add((String) a.get("paragraphId"));
            // characters covered per paragraph, however long the paragraph (the term reads every document the group may open)
            covered.computeIfAbsent(author, k -> new HashMap<>()).computeIfAbsent((String) a.get("paragraphId"), k -> new java.util.BitSet())
                    .set((Integer) a.get("start"), (Integer) a.get("end"));
        }
        Map<String, Expected> out = new TreeMap<>();
        n.forEach((user, c) -> {
            long chars = covered.getOrDefault(user, Map.of()).values().stream().mapToLong(java.util.BitSet::cardinality).sum();
            Instant[] active = span.getOrDefault(user, new Instant[2]); // one who only received replies has no activity of their own
            out.put(user, new Expected(c[0], c[1], c[2], c[3], paragraphs.getOrDefault(user, Set.of()).size(), chars, active[0],
                    active[1], c[4], c[5], c[6]));
        });
        return out;
    }

    private static void countReplies(Map<String, long[]> n, Map<String, Instant[]> span, String author, List<Map<String, Object>> replies,
            Instant ends) {
        for (Map<String, Object> r : replies == null ? List.<Map<String, Object>>of() : replies) {
            if (Boolean.TRUE.equals(r.get("hidden"))) {
                continue;
            }
            String by = (String) r.get("author");
            long[] g = n.computeIfAbsent(by, k -> new long[7]);
            g[1]++;
            g[3] += words((String) r.get("comment"));
            Instant at = Instant.parse((String) r.get("created"));
            g[at.isBefore(ends) ? 6 : 4]++;
            seen(span, by, at);
            if (!by.equals(author)) {
                n.computeIfAbsent(author, k -> new long[7])[2]++;
            }
        }
    }

    private static void seen(Map<String, Instant[]> span, String user, Instant at) {
        Instant[] s = span.computeIfAbsent(user, k -> new Instant[] { at, at });
        s[0] = at.isBefore(s[0]) ? at : s[0];
        s[1] = at.isAfter(s[1]) ? at : s[1];
    }

    static void assertRow(Expected e, Map<String, Object> row, String who) {
        assertEquals(e.annotations(), ((Number) row.get("annotations")).longValue(), who + " annotations");
        assertEquals(e.repliesGiven(), ((Number) row.get("repliesGiven")).longValue(), who + " replies given");
        assertEquals(e.repliesReceived(), ((Number) row.get("repliesReceived")).longValue(), who + " replies received");
        assertEquals(e.words(), ((Number) row.get("words")).longValue(), who + " words");
        assertEquals(e.paragraphs(), ((Number) row.get("paragraphsCovered")).longValue(), who + " paragraphs");
        assertEquals(e.characters(), ((Number) row.get("charactersCovered")).longValue(), who + " characters");
        assertEquals(e.first(), Instant.parse((String) row.get("firstActivity")), who + " first activity");
        assertEquals(e.last(), Instant.parse((String) row.get("lastActivity")), who + " last activity");
        assertEquals(e.late() == 0, row.get("onTime"), who + " on time");
    }

    static Map<String, Map<String, Object>> rowsOf(JsonPath p, int group) {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        List<Map<String, Object>> list = p.getList("groups[" + group + "].reviewers");
        list.forEach(r -> rows.put((String) r.get("username"), r));
        return rows;
    }

    @Test
    void participationAndItsCsvEqualTheCountsOfTheAnnotationList() throws Exception {
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        String[] d = seminar("counts " + System.nanoTime(), due);
        as("admin").contentType("application/json").body(Map.of("minAnnotations", 2, "minReplies", 2))
                .put("/api/documents/" + d[0] + "/participation/score").then().statusCode(200).body("minAnnotations", equalTo(2));

        JsonPath p = as("admin").get("/api/documents/" + d[0] + "/participation?group=seminar-a").then().statusCode(200).extract().jsonPath();
        assertEquals("seminar-a", p.getString("groups[0].group"));
        assertEquals(2, p.getInt("score.minReplies"));
        Map<String, Map<String, Object>> rows = rowsOf(p, 0);
        Map<String, Expected> expected = expected(d[0], "seminar-a", due);
        assertEquals(Set.of("reviewer1", "reviewer2", "reviewer3"), expected.keySet(), "the setup: " + expected);
        assertTrue(rows.keySet().containsAll(expected.keySet()), "every reviewer of the group has a row: " + rows.keySet());
        assertTrue(!rows.containsKey("reviewer4"), "another group's reviewer has no row");
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            assertRow(e.getValue(), rows.get(e.getKey()), e.getKey());
            boolean met = e.getValue().annotationsInTime() >= 2 && e.getValue().repliesInTime() >= 2;
            assertEquals(met, rows.get(e.getKey()).get("scoreMet"), e.getKey() + " score met");
        }
        // worked by hand, so that the computation above is checked too: reviewer1 wrote 3 annotations (6 + 0 + 2 words) and
        // 2 replies (3 + 4 words), got 2 replies from others (reviewer3's hidden one does not count)
        assertEquals(List.of(3L, 2L, 2L, 15L, 2L), List.of(expected.get("reviewer1").annotations(), expected.get("reviewer1").repliesGiven(),
                expected.get("reviewer1").repliesReceived(), expected.get("reviewer1").words(), expected.get("reviewer1").paragraphs()));
        assertEquals(Boolean.TRUE, rows.get("reviewer1").get("scoreMet"));
        assertEquals(Boolean.FALSE, rows.get("reviewer3").get("scoreMet"), "no annotation, one reply counted");
        assertTrue(rows.get("reviewer1").get("email") != null, "admins see e-mail addresses: " + rows.get("reviewer1"));

        // the CSV: one row per student with the same figures
        String csv = as("admin").get("/api/documents/" + d[0] + "/participation.csv?group=seminar-a").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("participation")).extract().asString();
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
        assertEquals(List.of("username", "name", "email", "annotations", "replies_given", "replies_received", "words", "paragraphs_covered",
                "first_activity", "last_activity", "on_time", "score_met", "group", "characters_covered"),
                CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords().get(0).toList());
        assertEquals(rows.size(), records.size());
        for (CSVRecord r : records) {
            Map<String, Object> row = rows.get(r.get("username"));
            Expected e = expected.get(r.get("username"));
            if (e == null) {
                assertEquals("0", r.get("annotations"), "a member who did nothing");
                continue;
            }
            assertEquals(List.of(e.annotations(), e.repliesGiven(), e.repliesReceived(), e.words(), e.paragraphs(), e.characters()),
                    List.of(Long.parseLong(r.get("annotations")), Long.parseLong(r.get("replies_given")), Long.parseLong(r.get("replies_received")),
                            Long.parseLong(r.get("words")), Long.parseLong(r.get("paragraphs_covered")), Long.parseLong(r.get("characters_covered"))));
            assertEquals(e.first(), Instant.parse(r.get("first_activity")));
            assertEquals(e.last(), Instant.parse(r.get("last_activity")));
            assertEquals(String.valueOf(row.get("scoreMet")), r.get("score_met"));
            assertEquals("true", r.get("on_time"));
            assertEquals("seminar-a", r.get("group"));
        }
    }

    @Test
    void aReviewerSeesOnlyTheirOwnRowAndNothingOfOthersWhileBlind() {
        LocalDate due = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String[] d = seminar("own " + System.nanoTime(), due);
        Map<String, Expected> expected = expected(d[0], "seminar-a", due);
        JsonPath own = as("reviewer2").get("/api/documents/" + d[0] + "/participation").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("reviewer2"), own.getList("groups[0].reviewers.username"));
        assertEquals(true, own.getBoolean("groups[0].ownRowOnly"));
        assertRow(expected.get("reviewer2"), rowsOf(own, 0).get("reviewer2"), "reviewer2 (own)");
        assertEquals(Boolean.FALSE, rowsOf(own, 0).get("reviewer2").get("onTime"), "everything after a due date in the past");
        assertNull(rowsOf(own, 0).get("reviewer2").get("scoreMet"), "no score set");
        String csv = as("reviewer2").get("/api/documents/" + d[0] + "/participation.csv").then().statusCode(200).extract().asString();
        assertEquals(2, csv.strip().split("\r\n").length, "header and the caller's own row: " + csv);
        assertTrue(csv.contains("reviewer2") && !csv.contains("reviewer1") && !csv.contains("reviewer3"), csv);

        // blind: a reviewer's own counts no longer include the replies of others
        as("admin").contentType("application/json").body(Map.of("group", "seminar-a", "blind", true)).put("/api/documents/" + d[0] + "/blind")
                .then().statusCode(200);
        Map<String, Object> blind = rowsOf(as("reviewer1").get("/api/documents/" + d[0] + "/participation").then().statusCode(200)
                .extract().jsonPath(), 0).get("reviewer1");
        assertEquals(3L, ((Number) blind.get("annotations")).longValue(), "own annotations still count");
        assertEquals(0L, ((Number) blind.get("repliesReceived")).longValue(), "others' replies are not hers to count while blind");
        Map<String, Object> teacher = rowsOf(as("admin").get("/api/documents/" + d[0] + "/participation?group=seminar-a").then().statusCode(200)
                .extract().jsonPath(), 0).get("reviewer1");
        assertEquals(2L, ((Number) teacher.get("repliesReceived")).longValue(), "the teacher sees everything");
        as("admin").get("/api/documents/" + d[0] + "/participation?group=seminar-a").then().body("groups[0].blind", equalTo(true));
    }

    @Test
    void otherGroupsAndOtherDocumentsAreRefused() {
        String[] d = document("refused " + System.nanoTime(), LocalDate.now(ZoneOffset.UTC));
        as("reviewer1").get("/api/documents/" + d[0] + "/participation?group=seminar-b").then().statusCode(403);
        as("reviewer1").get("/api/documents/" + d[0] + "/participation.csv?group=seminar-b").then().statusCode(403);
        as("reviewer1").get("/api/documents/" + d[0] + "/participation?group=no-such-group").then().statusCode(400)
                .body("errors[0].field", equalTo("group"));
        as("admin").contentType("application/json").body(Map.of("groups", List.of("seminar-b"))).put("/api/documents/" + d[0]).then().statusCode(200);
        as("reviewer1").get("/api/documents/" + d[0] + "/participation").then().statusCode(404);
        as("reviewer1").get("/api/documents/" + d[0] + "/participation.csv").then().statusCode(404);
        as("reviewer4").get("/api/documents/" + d[0] + "/participation").then().statusCode(200);
        as("reviewer1").get("/api/documents/nosuchdocument/participation").then().statusCode(404);
        given().get("/api/documents/" + d[0] + "/participation").then().statusCode(401);
    }

    @Test
    void onlyAdminsSetTheScoreAndItsFieldsAreChecked() {
        String[] d = document("score " + System.nanoTime(), LocalDate.now(ZoneOffset.UTC));
        String path = "/api/documents/" + d[0] + "/participation/score";
        as("reviewer1").contentType("application/json").body(Map.of("minAnnotations", 1, "minReplies", 1)).put(path).then().statusCode(403);
        as("admin").contentType("application/json").body(Map.of("minAnnotations", -1)).put(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("minAnnotations", "minReplies"));
        as("admin").contentType("application/json").body(Map.of("minAnnotations", "3", "minReplies", 1)).put(path).then().statusCode(400);
        as("admin").contentType("application/json").body(Map.of("minAnnotations", 1001, "minReplies", 0)).put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("minAnnotations"));
        as("admin").contentType("application/json").body(Map.of("minAnnotations", 1, "minReplies", 0)).put(path).then().statusCode(200);
        as("reviewer1").get("/api/documents/" + d[0] + "/participation").then().statusCode(200).body("score.minAnnotations", equalTo(1))
                .body("groups[0].reviewers[0].scoreMet", equalTo(false));
        as("admin").get("/api/admin/log").then().statusCode(200).body(org.hamcrest.Matchers.containsString("participation-score"));
        as("reviewer1").delete(path).then().statusCode(403);
        as("admin").delete(path).then().statusCode(204);
        as("reviewer1").get("/api/documents/" + d[0] + "/participation").then().body("score", equalTo(null));
    }

    @Test
    void theTermSumsEveryDocumentTheGroupReads() {
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        seminar("term one " + System.nanoTime(), due);
        seminar("term two " + System.nanoTime(), due);
        List<String> docs = as("reviewer1").get("/api/documents").then().statusCode(200).extract().jsonPath().getList("id");
        Map<String, long[]> sums = new TreeMap<>();
        for (String doc : docs) {
            String dueDate = as("reviewer1").get("/api/documents/" + doc).then().extract().path("dueDate");
            expected(doc, "seminar-a", dueDate == null ? due : LocalDate.parse(dueDate)).forEach((user, e) -> {
                long[] s = sums.computeIfAbsent(user, k -> new long[4]);
                s[0] += e.annotations();
                s[1] += e.repliesGiven();
                s[2] += e.repliesReceived();
                s[3] += e.words();
            });
        }
        JsonPath term = as("admin").get("/api/participation?group=seminar-a").then().statusCode(200).extract().jsonPath();
        assertEquals(Set.copyOf(docs), Set.copyOf(term.getList("documents.id")), "the term is what the group reads");
        List<Map<String, Object>> rows = term.getList("reviewers");
        List<String> differences = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            long[] s = sums.getOrDefault((String) row.get("username"), new long[4]);
            List<Long> got = List.of(((Number) row.get("annotations")).longValue(), ((Number) row.get("repliesGiven")).longValue(),
                    ((Number) row.get("repliesReceived")).longValue(), ((Number) row.get("words")).longValue());
            if (!got.equals(List.of(s[0], s[1], s[2], s[3]))) {
                differences.add(row.get("username") + ": " + got + " instead of " + List.of(s[0], s[1], s[2], s[3]));
            }
        }
        assertEquals(List.of(), differences);
        assertTrue(sums.get("reviewer1")[0] >= 6, "two documents' work at least: " + sums.get("reviewer1")[0]);
        as("reviewer1").get("/api/participation").then().statusCode(200).body("reviewers.username", equalTo(List.of("reviewer1")));
        as("reviewer1").get("/api/participation?group=seminar-b").then().statusCode(403);
        as("admin").get("/api/participation").then().statusCode(400).body("errors[0].field", equalTo("group"));
        String csv = as("admin").get("/api/participation.csv?group=seminar-a").then().statusCode(200).extract().asString();
        assertEquals(rows.size() + 1, csv.strip().split("\r\n").length);
    }
}
