package org.seminar.annotator.account;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens already verified: a client sends the same access token with every request until it
 * expires, and checking its signature and claims again each time was a third of the CPU of a create.
 * The identity that the OIDC provider built for a token is kept, keyed by the tenant and the whole
 * token text (any other byte is another key), until the token expires or {@link #LONGEST} has passed,
 * whichever comes first; a token never seen, or seen by another tenant, goes to the OIDC provider as
 * before. The account's current state is not kept here: {@link CurrentAccountAugmentor} still applies
 * it to every request, so a disabled account is refused with a remembered token too.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest>, SecurityIdentityAugmentor {

    /** How long a verified token is trusted without checking it again, at most. */
    static final Duration LONGEST = Duration.ofMinutes(5);
    /** Tokens remembered at most; beyond, the expired are dropped and, if still full, all. */
    static final int MAX = 20_000;
    static final int PRIORITY = 2000;
    private static final String TENANT = io.quarkus.oidc.runtime.OidcUtils.TENANT_ID_ATTRIBUTE;

    private record Verified(SecurityIdentity identity, long untilMillis) {
    }

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * First among the identity providers (answering nothing passes the request on to the OIDC
     * provider, whose priority is the default 1001) and first among the augmentors (it remembers what
     * the provider verified, before the account's state is applied; their default is 0): both sort by
     * this number, highest first.
     */
    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!(request.getToken() instanceof AccessTokenCredential) || http == null || http.get(TENANT) == null) {
            return Uni.createFrom().nullItem();
        }
        Verified known = verified.get(key(http.get(TENANT), request.getToken().getToken()));
        if (known == null || known.untilMillis() <= System.currentTimeMillis()) {
            return Uni.createFrom().nullItem();
        }
        // the same identity, tied to this request
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known.identity())
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, http).build());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        remember(identity);
        return Uni.createFrom().item(identity);
    }

    void remember(SecurityIdentity identity) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        Object tenant = identity.getAttribute(TENANT);
        if (token == null || tenant == null || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        String key = key(tenant.toString(), token.getToken());
        if (verified.containsKey(key)) {
            return; // answered from here: already remembered
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

    /** Forgets every token (tests). */
    public void forgetAll() {
        verified.clear();
    }

    private static String key(String tenant, String token) {
        return tenant + ' ' + token;
    }
}
