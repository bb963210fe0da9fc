package org.seminar.annotator.account;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether Keycloak answers: probed on demand for the health check, and every 10 s in the background for pages. */
@ApplicationScoped
public class KeycloakReachability {

    /** A probe's outcome: reachable or not, with the HTTP status or the error. */
    public record Probe(boolean reachable, String detail) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile boolean lastKnown = true;
    private ScheduledExecutorService timer;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keycloak-reachability");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> lastKnown = probe().reachable(), 0, 10, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    public String realmUrl() {
        return realmUrl;
    }

    /** The result of the latest background probe; never blocks. */
    public boolean lastKnownReachable() {
        return lastKnown;
    }

    public Probe probe() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(3)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Probe(status == 200, "HTTP " + status);
        } catch (java.io.IOException e) {
            return new Probe(false, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(false, "interrupted");
        }
    }
}
