package org.seminar.annotator.account;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether Keycloak answers, at {@code /q/health/group/keycloak}. Kept out of readiness on purpose:
 * signed-in users keep reading and annotating while Keycloak is down, so an outage must not take
 * the app out of a load balancer.
 */
@HealthGroup("keycloak")
@ApplicationScoped
public class KeycloakHealthCheck implements HealthCheck {

    @Inject
    KeycloakReachability keycloak;

    @Override
    public HealthCheckResponse call() {
        KeycloakReachability.Probe probe = keycloak.probe();
        return HealthCheckResponse.named("keycloak").status(probe.reachable())
                .withData("url", keycloak.realmUrl()).withData("detail", probe.detail()).build();
    }
}
