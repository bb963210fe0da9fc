package org.seminar.annotator.account;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("keycloak").withData("url", realmUrl);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(3)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return builder.status(status == 200).withData("httpStatus", status).build();
        } catch (java.io.IOException e) {
            return builder.down().withData("error", String.valueOf(e.getMessage())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return builder.down().withData("error", "interrupted").build();
        }
    }
}
