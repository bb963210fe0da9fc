package org.seminar.annotator.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;

/** A browser without JavaScript signed in through Keycloak's real login form (authorization code flow). */
public final class PageSessions {

    private PageSessions() {
    }

    public static WebClient browser() {
        WebClient client = new WebClient();
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        return client;
    }

    /** Opens {@code target}, signs in on the Keycloak form it leads to, and returns the page it lands on. */
    public static HtmlPage login(WebClient client, URL target, String username) throws Exception {
        HtmlPage form = client.getPage(target);
        assertTrue(form.getUrl().toString().startsWith(Tokens.realmUrl() + "/protocol/openid-connect/auth"),
                "expected the Keycloak login page, got " + form.getUrl());
        form.getHtmlElementById("username").type(username);
        form.getHtmlElementById("password").type(username);
        return form.getHtmlElementById("kc-login").click();
    }

    /** A signed-in browser for a demo account (password = username). */
    public static WebClient signedIn(URL base, String username) throws Exception {
        WebClient client = browser();
        login(client, new URL(base, "/home"), username);
        return client;
    }
}
