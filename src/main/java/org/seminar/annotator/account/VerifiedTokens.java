package org.seminar.annotator.account;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.seminar.annotator.web.ApiTenantResolver;

/**
 * Bearer tokens already verified: a client sends the same access token with every request until it
 * expires, and checking its signature and claims again each time was a third of the CPU of a create;
 * even reading it again (the OIDC mechanism decodes every token's JSON before any identity provider is
 * asked) was a tenth of what was left.
 *
 * <p>The identity that the OIDC provider built for a token is kept ({@link #augment}), keyed by the
 * tenant and the whole token text (any other byte is another key), until the token expires or
 * {@link #LONGEST} has passed, whichever comes first. As the first HTTP authentication mechanism, this
 * answers a request whose {@code Authorization: Bearer} token is kept for the tenant that
 * {@link ApiTenantResolver} chooses for the request, without reading the token; any other request
 * (no token, a token never seen, expired, or seen by another tenant) goes on to the OIDC mechanism as
 * if this were not there, and so do challenges. The answer still goes through the identity provider
 * manager, so every augmentor runs: {@link CurrentAccountAugmentor} applies the account's current
 * state to every request, and a disabled account is refused with a remembered token too.
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism, IdentityProvider<VerifiedTokens.Remembered>,
        SecurityIdentityAugmentor {

    /** How long a verified token is trusted without checking it again, at most. */
    static final Duration LONGEST = Duration.ofMinutes(5);
    /** Tokens remembered at most; beyond, the expired are dropped and, if still full, all. */
    static final int MAX = 20_000;
    /**
     * Before the OIDC mechanism (its priority is {@code quarkus.oidc.priority}, 1001 unless set; {@code VerifiedTokensTest}
     * sees a remembered token answered here) and first among the augmentors (it remembers
     * what the provider verified, before the account's state is applied; their default is 0): both sort
     * by this number, highest first.
     */
    static final int PRIORITY = 2000;
    private static final String TENANT = io.quarkus.oidc.runtime.OidcUtils.TENANT_ID_ATTRIBUTE;
    private static final String BEARER = "Bearer ";

    /** A request carrying a token this has verified before, with what was verified. */
    public static final class Remembered extends BaseAuthenticationRequest {
        private final SecurityIdentity identity;

        Remembered(SecurityIdentity identity) {
            this.identity = identity;
        }
    }

    private record Verified(SecurityIdentity identity, long untilMillis) {
    }

    /** A tenant and the whole token text (the token's hash is computed once per request, not for a joined string). */
    private record Key(String tenant, String token) {
    }

    /** Marks an identity answered from here, so that {@link #augment} does not look it up again. */
    private static final String REMEMBERED = VerifiedTokens.class.getName() + ".remembered";

    @Inject
    ApiTenantResolver tenants;

    private final ConcurrentHashMap<Key, Verified> verified = new ConcurrentHashMap<>();
    private final LongAdder answered = new LongAdder();

    // ---- the HTTP mechanism ---------------------------------------------------------------------------

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String tenant = tenants.resolve(context);
        Verified known = verified.get(new Key(tenant, authorization.substring(BEARER.length()).trim()));
        if (known == null || known.untilMillis() <= System.currentTimeMillis()) {
            return Uni.createFrom().nullItem();
        }
        context.put(TENANT, tenant);
        answered.increment();
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new Remembered(known.identity()), context));
    }

    /** Challenges are the OIDC mechanism's. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Remembered.class);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    // ---- the identity provider of remembered tokens --------------------------------------------------

    @Override
    public Class<Remembered> getRequestType() {
        return Remembered.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(Remembered request, AuthenticationRequestContext context) {
        // the same identity, tied to this request
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(request.identity).addAttribute(REMEMBERED, Boolean.TRUE)
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, HttpSecurityUtils.getRoutingContextAttribute(request)).build());
    }

    // ---- remembering what the OIDC provider verified -------------------------------------------------

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        remember(identity);
        return Uni.createFrom().item(identity);
    }

    void remember(SecurityIdentity identity) {
        if (identity.getAttribute(REMEMBERED) != null) {
            return; // answered from here: already remembered
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        Object tenant = identity.getAttribute(TENANT);
        if (token == null || tenant == null || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        Key key = new Key(tenant.toString(), token.getToken());
        if (verified.containsKey(key)) {
            return; // verified by two requests at once
        }
        long now = System.currentTimeMillis();
        long until = Math.min(jwt.getExpirationTime() * 1000, now + LONGEST.toMillis());
        if (until <= now) {
            return;
        }
        if (verified.size() >= MAX) {
            verified.values().removeIf(v -> v.untilMillis() <= now);
            if (verified.size() >= MAX) {
                verified.clear();
            }
        }
        // kept without the request it was verified in (that request's memory is not held for minutes)
        SecurityIdentity detached = QuarkusSecurityIdentity.builder(identity).addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, null)
                .build();
        verified.putIfAbsent(key, new Verified(detached, until));
    }

    /** How many tokens are remembered now. */
    int size() {
        return verified.size();
    }

    /** How many requests were answered from memory since the start. */
    long answered() {
        return answered.sum();
    }
}
