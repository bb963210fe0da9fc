package org.seminar.annotator.account;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Where the app learns that a sign-in session ended, for {@link EndedSessions} to refuse it from then
 * on: signing out here ({@code quarkus.oidc.logout.path}, also with a session whose tokens had
 * expired), and Keycloak's back-channel notice ({@code quarkus.oidc.logout.backchannel.path}) when a
 * session ends there (an admin ends it, the person signs out elsewhere, it times out). Disabling an
 * account here ends its sessions too ({@link UserAdministration}).
 *
 * <p>The back-channel notice is checked by Quarkus OIDC (the logout token's signature, issuer,
 * audience and events claim), which answers 200 only for a valid one; this reads the session id of
 * the token that Quarkus accepted, as the answer goes out. Quarkus itself would end only the first
 * request of the session on this instance, and forget it on a restart.
 */
@ApplicationScoped
public class SessionEnds {

    /** Before Quarkus OIDC's back-channel handler (a filter of priority 50): filters run highest first. */
    static final int BEFORE_BACK_CHANNEL_HANDLER = 60;
    private static final String LOGOUT_TOKEN = "logout_token";

    @Inject
    EndedSessions ended;
    @ConfigProperty(name = "quarkus.oidc.logout.backchannel.path")
    Optional<String> backChannelPath;

    void signedOut(@Observes SecurityEvent event) {
        switch (event.getEventType()) {
            case OIDC_LOGOUT_RP_INITIATED, OIDC_BACKCHANNEL_LOGOUT_COMPLETED -> {
                if (event.getSecurityIdentity() != null && event.getSecurityIdentity().getPrincipal() instanceof JsonWebToken idToken) {
                    ended.end(EndedSessions.sidOf(idToken));
                }
            }
            case OIDC_LOGOUT_RP_INITIATED_SESSION_EXPIRED -> {
                // the tokens came out of this app's own encrypted session cookie
                if (event.getEventProperties().get(SecurityEvent.SESSION_TOKENS_PROPERTY) instanceof AuthorizationCodeTokens tokens) {
                    ended.end(EndedSessions.sidOf(tokens.getIdToken()));
                }
            }
            default -> {
            }
        }
    }

    void install(@Observes Filters filters) {
        backChannelPath.ifPresent(path -> filters.register(context -> {
            if (context.request().method() == HttpMethod.POST && path.equals(context.normalizedPath())) {
                context.addHeadersEndHandler(done -> recordAccepted(context));
            }
            context.next();
        }, BEFORE_BACK_CHANNEL_HANDLER));
    }

    private void recordAccepted(RoutingContext context) {
        if (context.response().getStatusCode() == 200) {
            ended.end(EndedSessions.sidOf(context.request().formAttributes().get(LOGOUT_TOKEN)));
        }
    }
}
