package org.seminar.annotator.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of an unsubscribe link: it names one person and one kind of notification and is signed with
 * HMAC-SHA256 under the configured secret, so the link works without signing in and stops only its owner's mail of
 * that kind; a changed token is refused.
 */
public final class UnsubscribeTokens {

    /** Whom and what a valid token unsubscribes. */
    public record Unsubscribe(String username, NotificationKind kind) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final byte[] secret;

    public UnsubscribeTokens(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String token(String username, NotificationKind kind) {
        String payload = ENCODER.encodeToString((username + "\n" + kind.wireName()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** What the token unsubscribes, if it is one this server signed. */
    public Optional<Unsubscribe> read(String token) {
        if (token == null || token.length() > 2_000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, sign(payload))) {
                return Optional.empty();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            return NotificationKind.of(parts[1]).map(kind -> new Unsubscribe(parts[0], kind));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
