package org.seminar.annotator.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The flash scope of the pages (post/redirect/get, as Renarde and Spring keep it): the message a form post leaves for
 * the page it redirects to travels in a short-lived, HttpOnly, SameSite=Strict cookie signed by the server, is shown
 * once and then cleared. Never from the URL: a link cannot put words of anyone's choosing in front of a reader.
 */
@ApplicationScoped
public class Flash {

    /** The cookie's name; the value is {@code base64url(message).base64url(HMAC-SHA256)}. */
    public static final String COOKIE = "annotator-flash";
    private static final int LIFETIME_SECONDS = 60;
    private static final int MAX_MESSAGE = 1_000;

    private final byte[] key;

    /** Keyed by the OIDC client secret, which every instance of one deployment shares and no browser has. */
    Flash(@ConfigProperty(name = "quarkus.oidc.credentials.secret") String secret) {
        this.key = hmac(("flash-scope:" + secret).getBytes(StandardCharsets.UTF_8), "annotator".getBytes(StandardCharsets.UTF_8));
    }

    /** A 303 to {@code location} that leaves {@code message} for the page there. */
    public Response redirect(String location, String message) {
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        String value = encoded + "." + signature(encoded);
        return Response.seeOther(URI.create(location)).cookie(cookie(value, LIFETIME_SECONDS)).build();
    }

    /** The message a form post left, or null (no cookie, or one this server did not sign). */
    public String read(String cookie) {
        if (cookie == null) {
            return null;
        }
        int dot = cookie.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        String encoded = cookie.substring(0, dot);
        if (!MessageDigest.isEqual(signature(encoded).getBytes(StandardCharsets.US_ASCII),
                cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Shown once: a page answered to a request that carried the message clears it. */
    @ServerResponseFilter
    public void clearShown(ContainerRequestContext request, ContainerResponseContext response) {
        Cookie sent = request.getCookies().get(COOKIE);
        boolean settingOne = response.getHeaders().getOrDefault("Set-Cookie", java.util.List.of()).stream()
                .anyMatch(h -> String.valueOf(h).startsWith(COOKIE + "="));
        if (sent != null && !settingOne && response.getStatus() < 300 && "GET".equals(request.getMethod())) {
            response.getHeaders().add("Set-Cookie", cookie("", 0));
        }
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    private String signature(String encoded) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, encoded.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
