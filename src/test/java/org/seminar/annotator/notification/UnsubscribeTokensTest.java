package org.seminar.annotator.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Unsubscribe tokens name one person and one kind, and any change to them is refused. */
class UnsubscribeTokensTest {

    final UnsubscribeTokens tokens = new UnsubscribeTokens("a-secret-of-at-least-thirty-two-characters");

    @Test
    void aTokenReadsBackAsItsOwnerAndKind() {
        assertEquals(Optional.of(new UnsubscribeTokens.Unsubscribe("reviewer1", NotificationKind.MENTION)),
                tokens.read(tokens.token("reviewer1", NotificationKind.MENTION)));
    }

    @Test
    void aChangedOrForeignTokenIsRefused() {
        String token = tokens.token("reviewer1", NotificationKind.REPLY);
        String other = tokens.token("reviewer2", NotificationKind.REPLY);
        assertTrue(tokens.read(token.split("\\.")[0] + "." + other.split("\\.")[1]).isEmpty(), "another's signature");
        assertTrue(tokens.read(other.split("\\.")[0] + "." + token.split("\\.")[1]).isEmpty(), "another's name");
        assertTrue(tokens.read(token.substring(0, token.length() - 2)).isEmpty(), "cut short");
        assertTrue(tokens.read("nonsense").isEmpty());
        assertTrue(tokens.read(null).isEmpty());
        assertTrue(new UnsubscribeTokens("another-secret-of-at-least-thirty-two-chars").read(token).isEmpty(), "another server's secret");
    }
}
