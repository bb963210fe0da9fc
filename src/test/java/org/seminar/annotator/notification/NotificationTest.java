package org.seminar.annotator.notification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Accounts;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Mailbox;
import org.seminar.annotator.support.Tokens;

/**
 * Notifications end to end: a reply, a mention, the digest, and what is never notified, each read in the inbox API and
 * in the mailbox of the test run's real SMTP server (GreenMail, over IMAP). Every test uses accounts of its own, so
 * the mail of other tests never counts.
 */
@QuarkusTest
class NotificationTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;
    @Inject
    MailSettings settings;
    @Inject
    NotificationMail mail;
    @Inject
    EntityManager em;
    @Inject
    DueReminders dueReminders;

    /** A new reviewer of the given group; their address is username@school.example.org. */
    static String reviewer(String group) {
        String username = "n" + UUID.randomUUID().toString().substring(0, 8);
        Accounts.create(username, username, List.of("reviewer"), List.of(group));
        return username;
    }

    static String address(String username) {
        return username + "@school.example.org";
    }

    static String paragraphOf(String doc) {
        return Documents.document(doc).getString("sections[0].paragraphs[0].id");
    }

    static String annotate(String user, String doc, String comment) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("paragraphId", paragraphOf(doc), "start", 0, "end", 5, "quote", "Notes",
                "tags", List.of("neutrality")));
        if (comment != null) {
            body.put("comment", comment);
        }
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json").body(body)
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
    }

    static String reply(String user, String annotationId, String comment) {
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json").body(Map.of("comment", comment))
                .post("/api/annotations/" + annotationId + "/replies").then().statusCode(201).extract().path("id");
    }

    static JsonPath inbox(String user) {
        return given().header("Authorization", Tokens.bearer(user)).get("/api/notifications").then().statusCode(200).extract().jsonPath();
    }

    /** The inbox once it holds at least {@code count} entries (or the deadline passed). */
    static JsonPath awaitInbox(String user, int count) {
        Instant deadline = Instant.now().plus(WITHIN);
        JsonPath inbox = inbox(user);
        while (inbox.getList("notifications").size() < count && Instant.now().isBefore(deadline)) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
            inbox = inbox(user);
        }
        return inbox;
    }

    /** Waits until every change so far was turned into notifications (and their immediate mail sent). */
    void awaitOutboxDrained() {
        Instant deadline = Instant.now().plus(WITHIN);
        while (QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from notification_outbox").getSingleResult()).longValue()) > 0) {
            assertTrue(Instant.now().isBefore(deadline), "the outbox drains");
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
        mail.sendPending();
    }

    @Test
    void aReplyReachesTheAnnotationsAuthorInTheInboxAndInOneMailButNotTheReplier() {
        String author = reviewer("seminar-a");
        String replier = reviewer("seminar-a");
        String doc = Documents.importText("Replies Travel\n\nNotes on a passage that people discuss.");
        String annotation = annotate(author, doc, "What do you think?");
        String replyId = reply(replier, annotation, "I think it holds.");

        JsonPath inbox = awaitInbox(author, 1);
        assertEquals(List.of("reply"), inbox.getList("notifications.kind"));
        assertEquals(replyId, inbox.getString("notifications[0].replyId"));
        assertEquals(1, inbox.getInt("unread"));
        assertTrue(inbox.getString("notifications[0].link").startsWith("/documents/" + doc + "#"), inbox.getString("notifications[0].link"));
        List<Mailbox.Mail> mails = Mailbox.awaitMail(address(author), m -> !m.isEmpty(), WITHIN);
        awaitOutboxDrained();
        mails = Mailbox.of(address(author));
        assertEquals(1, mails.size(), "exactly one mail to the author");
        assertTrue(mails.get(0).subject().contains("replied to your annotation"), mails.get(0).subject());
        assertTrue(mails.get(0).html().contains("I think it holds."), "the mail quotes the reply");
        assertTrue(mails.get(0).html().contains("/documents/" + doc + "#"), "the mail links to the place");
        assertNotNull(mails.get(0).listUnsubscribe());
        assertEquals(List.of(), inbox(replier).getList("notifications"), "the replier is not told of their own reply");
        assertEquals(List.of(), Mailbox.of(address(replier)), "nor mailed");

        String id = inbox.getString("notifications[0].id");
        given().header("Authorization", Tokens.bearer(replier)).contentType("application/json").body(Map.of("read", true))
                .put("/api/notifications/" + id).then().statusCode(404);
        given().header("Authorization", Tokens.bearer(author)).contentType("application/json").body(Map.of("read", true))
                .put("/api/notifications/" + id).then().statusCode(200);
        assertEquals(0, inbox(author).getInt("unread"));
        given().header("Authorization", Tokens.bearer(author)).contentType("application/json").body(Map.of("read", false))
                .put("/api/notifications/" + id).then().statusCode(200);
        assertEquals(1, inbox(author).getInt("unread"));
        given().header("Authorization", Tokens.bearer(author)).contentType("application/json").body(Map.of())
                .put("/api/notifications/" + id).then().statusCode(400);
    }

    @Test
    void aMentionReachesThePersonMentionedAndIsShownByName() {
        String writer = reviewer("seminar-a");
        String mentioned = reviewer("seminar-a");
        String elsewhere = reviewer("seminar-b");
        String doc = Documents.importText("Mentions Travel\n\nNotes on a passage that someone should read.");
        String annotation = annotate(writer, doc, "Look, @" + mentioned + " and @" + elsewhere + ".");

        JsonPath inbox = awaitInbox(mentioned, 1);
        assertEquals(List.of("mention"), inbox.getList("notifications.kind"));
        List<Mailbox.Mail> mails = Mailbox.awaitMail(address(mentioned), m -> !m.isEmpty(), WITHIN);
        awaitOutboxDrained();
        assertEquals(1, Mailbox.of(address(mentioned)).size(), "exactly one mail to the person mentioned");
        assertTrue(mails.get(0).subject().contains("mentioned you"), mails.get(0).subject());
        assertEquals(List.of(), Mailbox.of(address(writer)), "nothing to the writer");
        assertEquals(List.of(), Mailbox.of(address(elsewhere)), "nothing to someone of another group");
        assertEquals(List.of(), inbox(elsewhere).getList("notifications"));

        String html = given().header("Authorization", Tokens.bearer(writer)).get("/api/annotations/" + annotation).then().statusCode(200)
                .extract().path("commentHtml");
        assertTrue(html.contains("<span class=\"mention\" data-username=\"" + mentioned + "\">@Test Student</span>"), html);
        assertTrue(html.contains("@" + elsewhere), "someone who cannot be mentioned stays plain text: " + html);
        List<String> people = given().header("Authorization", Tokens.bearer(writer)).get("/api/documents/" + doc + "/people")
                .then().statusCode(200).extract().jsonPath().getList("username");
        assertTrue(people.contains(mentioned) && !people.contains(elsewhere) && !people.contains(writer), people.toString());
    }

    @Test
    void theDigestSendsOneMailForSeveralEvents() {
        String author = reviewer("seminar-a");
        String other = reviewer("seminar-a");
        settings.save(author, new MailSettings.Settings(true, EnumSet.noneOf(NotificationKind.class)));
        String doc = Documents.importText("Digest Travel\n\nNotes on a passage with much discussion.");
        String annotation = annotate(author, doc, null);
        reply(other, annotation, "First thought.");
        reply(other, annotation, "Second thought.");
        annotate(other, doc, "Also see @" + author + " here.");
        assertEquals(3, awaitInbox(author, 3).getList("notifications").size());
        awaitOutboxDrained();
        assertEquals(List.of(), Mailbox.of(address(author)), "nothing at once in digest mode");

        mail.sendDigests();
        List<Mailbox.Mail> mails = Mailbox.of(address(author));
        assertEquals(1, mails.size(), "one digest");
        assertTrue(mails.get(0).subject().contains("3 notifications"), mails.get(0).subject());
        assertTrue(mails.get(0).html().contains("First thought.") && mails.get(0).html().contains("Second thought."));
        mail.sendDigests();
        assertEquals(1, Mailbox.of(address(author)).size(), "each event is in one digest only");
    }

    @Test
    void nothingIsMailedAboutAHiddenReplyNorDuringBlindMode() {
        String author = reviewer("seminar-a");
        String other = reviewer("seminar-a");
        settings.save(author, new MailSettings.Settings(true, EnumSet.noneOf(NotificationKind.class)));
        String doc = Documents.importText("Hidden Travel\n\nNotes on a passage with a reply that goes.");
        String annotation = annotate(author, doc, null);
        String replyId = reply(other, annotation, "Something moderated away.");
        assertEquals(1, awaitInbox(author, 1).getList("notifications").size());
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("hidden", true))
                .put("/api/annotations/" + annotation + "/replies/" + replyId + "/hidden").then().statusCode(200);
        assertEquals(List.of(), inbox(author).getList("notifications"), "the inbox no longer shows it");
        mail.sendDigests();
        assertEquals(List.of(), Mailbox.of(address(author)), "the digest leaves it out");

        String blindDoc = Documents.importText("Blind Travel\n\nNotes on a passage read blind.");
        String mine = annotate(author, blindDoc, null);
        settings.save(author, new MailSettings.Settings(false, EnumSet.noneOf(NotificationKind.class)));
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("group", "seminar-a", "blind", true))
                .put("/api/documents/" + blindDoc + "/blind").then().statusCode(200);
        reply("admin", mine, "A teacher's reply, unseen while blind.");
        annotate(other, blindDoc, "Hello @" + author + ", unseen while blind.");
        awaitOutboxDrained();
        assertEquals(List.of(), inbox(author).getList("notifications"), "nothing in the inbox during blind mode");
        assertEquals(List.of(), Mailbox.of(address(author)), "nothing mailed during blind mode");
    }

    @Test
    void unsubscribingWorksWithoutSignInAndOnlyForItsOwner() {
        String author = reviewer("seminar-a");
        String other = reviewer("seminar-a");
        String doc = Documents.importText("Unsubscribe Travel\n\nNotes on a passage and a mail too many.");
        reply(other, annotate(author, doc, null), "A reply worth a mail.");
        List<Mailbox.Mail> mails = Mailbox.awaitMail(address(author), m -> !m.isEmpty(), WITHIN);
        String link = mails.get(0).listUnsubscribe().replaceAll("^<|>$", "");
        String token = link.substring(link.indexOf("token=") + "token=".length());

        String page = given().redirects().follow(false).get("/unsubscribe?token=" + token).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Replies to my annotations") && page.contains(author), "asks first: " + page);
        assertTrue(settings.of(author).mails(NotificationKind.REPLY), "a GET changes nothing");

        String[] parts = token.split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString((other + "\nreply").getBytes()) + "." + parts[1];
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("token", forged)
                .post("/unsubscribe").then().statusCode(400);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("token", token + "x")
                .post("/unsubscribe").then().statusCode(400);
        assertTrue(settings.of(other).mails(NotificationKind.REPLY), "a token changed to name someone else does nothing");

        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("token", token)
                .post("/unsubscribe").then().statusCode(200);
        assertFalse(settings.of(author).mails(NotificationKind.REPLY), "its owner gets no more reply mail");
        assertTrue(settings.of(author).mails(NotificationKind.MENTION), "other kinds stay");
        assertTrue(settings.of(other).mails(NotificationKind.REPLY), "nobody else is unsubscribed");

        String again = annotate(author, doc, null);
        reply(other, again, "A reply no longer mailed.");
        awaitInbox(author, 2);
        awaitOutboxDrained();
        assertEquals(1, Mailbox.of(address(author)).size(), "no further reply mail");
    }

    @Test
    void anAssignedDocumentAndItsDueDateAreNotifiedOnceToItsGroupOnly() {
        String doc = Documents.importText("Assigned Travel\n\nNotes on a passage due tomorrow.");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        assign(doc, Map.of("groups", List.of("seminar-a"), "dueDate", today.plusDays(1).toString()));
        assign(doc, Map.of("groups", List.of()));
        assign(doc, Map.of("groups", List.of("seminar-a")));
        awaitOutboxDrained();
        dueReminders.remind(today);
        dueReminders.remind(today);
        assertEquals(List.of("due", "assigned"), kindsAbout("reviewer3", doc),
                "told once of the assignment (not again when it is made anew) and once of the due date");
        assertEquals(List.of(), kindsAbout("reviewer4", doc), "nothing to another group");
        assign(doc, Map.of("groups", List.of("seminar-b")));
        awaitOutboxDrained();
        assertEquals(List.of(), kindsAbout("reviewer3", doc), "a document no longer assigned to the group leaves its inbox");
        assertEquals(List.of("assigned"), kindsAbout("reviewer4", doc));
    }

    @Test
    void theReadingPageSaysBlindModeIsOnAtEveryLoadFromTheServersState() throws Exception {
        String doc = Documents.importText("Blind Notice\n\nNotes on a passage read blind from the start.");
        try (org.htmlunit.WebClient reader = org.seminar.annotator.support.PageSessions.signedIn(base, "reviewer3");
                org.htmlunit.WebClient teacher = org.seminar.annotator.support.PageSessions.signedIn(base, "admin")) {
            java.net.URL page = new java.net.URL(base, "/documents/" + doc);
            assertEquals(null, ((org.htmlunit.html.HtmlPage) reader.getPage(page)).getElementById("blind-notice"), "no notice while not blind");
            given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("group", "seminar-a", "blind", true))
                    .put("/api/documents/" + doc + "/blind").then().statusCode(200);
            String notice = ((org.htmlunit.html.HtmlPage) reader.getPage(page)).getElementById("blind-notice").getTextContent();
            assertTrue(notice.contains("Blind mode is on: you see your own annotations only"), notice);
            String teachers = ((org.htmlunit.html.HtmlPage) teacher.getPage(page)).getElementById("blind-notice").getTextContent();
            assertTrue(teachers.contains("Blind mode is on for seminar-a"), teachers);
            given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("group", "seminar-a", "blind", false))
                    .put("/api/documents/" + doc + "/blind").then().statusCode(200);
            assertEquals(null, ((org.htmlunit.html.HtmlPage) reader.getPage(page)).getElementById("blind-notice"), "gone after the reveal");
        }
    }

    static void assign(String doc, Map<String, Object> change) {
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(change)
                .put("/api/documents/" + doc).then().statusCode(200);
    }

    static List<String> kindsAbout(String user, String doc) {
        return given().header("Authorization", Tokens.bearer(user)).get("/api/notifications?limit=500").then().statusCode(200).extract()
                .jsonPath().getList("notifications.findAll { it.documentId == '" + doc + "' }.kind");
    }
}
