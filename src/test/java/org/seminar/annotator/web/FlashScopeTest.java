package org.seminar.annotator.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.PageSessions;

/** Status messages after a form post come from the server's own flash scope: shown once, never taken from the URL. */
@QuarkusTest
class FlashScopeTest {

    @TestHTTPResource("/")
    URL base;

    private static final String PLANTED = "Your account was compromised: send your password to help@evil.example";

    @Test
    void noPageShowsAMessageWrittenIntoItsAddress() throws Exception {
        String doc = Documents.importText("Flash\n\nA paragraph.");
        try (WebClient admin = PageSessions.signedIn(base, "admin")) {
            for (String path : List.of("/admin", "/admin/groups", "/admin/codebook", "/documents", "/documents/" + doc + "/report")) {
                String page = admin.getPage(new URL(base, path + "?flash=" + java.net.URLEncoder.encode(PLANTED, "UTF-8")))
                        .getWebResponse().getContentAsString();
                assertFalse(page.contains("compromised"), path + " shows the message from its address");
            }
        }
    }

    @Test
    void aFormPostLeavesItsMessageForTheNextPageOnceAndAForgedCookieIsIgnored() throws Exception {
        String name = "flash-" + System.nanoTime() % 1_000_000;
        try (WebClient admin = PageSessions.signedIn(base, "admin")) {
            HtmlPage groups = admin.getPage(new URL(base, "/admin/groups"));
            HtmlForm form = groups.getForms().stream().filter(f -> "/admin/groups".equals(f.getActionAttribute())).findFirst().orElseThrow();
            form.getInputByName("name").setValue(name);
            HtmlPage after = form.getOneHtmlElementByAttribute("button", "type", "submit").click();
            String shown = after.getWebResponse().getContentAsString();
            assertTrue(after.getUrl().toString().endsWith("/admin/groups"), "back on the groups page: " + after.getUrl());
            assertTrue(shown.contains("class=\"flash\"") && shown.contains(name), "the message of the post is shown: " + shown);
            String again = admin.getPage(new URL(base, "/admin/groups")).getWebResponse().getContentAsString();
            assertFalse(again.contains("class=\"flash\""), "shown once");
            // a cookie the server did not sign (planted by a neighbouring site, say) says nothing
            String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(PLANTED.getBytes()) + ".c2lnbmF0dXJl";
            admin.getCookieManager().addCookie(new Cookie(base.getHost(), Flash.COOKIE, forged, "/", null, false));
            String planted = admin.getPage(new URL(base, "/admin/groups")).getWebResponse().getContentAsString();
            assertFalse(planted.contains("compromised"), "an unsigned message is not shown");
        }
    }
}
