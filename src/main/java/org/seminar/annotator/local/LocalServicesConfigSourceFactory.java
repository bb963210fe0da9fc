package org.seminar.annotator.local;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Makes a fresh clone run with no setup: when no database URL is configured it starts the local
 * PostgreSQL, and when no OIDC server is configured it starts the local Keycloak with the demo
 * realm, and supplies their addresses as configuration. Configured servers are used as they are.
 */
public class LocalServicesConfigSourceFactory implements ConfigSourceFactory {

    /** Below application.properties (250), which must therefore not set the keys supplied here. */
    private static final int ORDINAL = 200;
    static final String DEMO_CLIENT_SECRET = "annotator-secret";
    static final String DEMO_ADMIN_CLIENT_SECRET = "annotator-admin-secret";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // During the build nothing may start: a URL baked into the jar would point at a dead server.
        if (ExecutionMode.current() == ExecutionMode.UNSET) {
            return List.of();
        }
        Path dataDir = Path.of(value(context, "annotator.local.data-dir", "data"));
        Map<String, String> supplied = new HashMap<>();
        if (value(context, "quarkus.datasource.jdbc.url", "").isBlank()) {
            int port = Integer.parseInt(value(context, "annotator.local.postgres-port", "0"));
            LocalPostgres postgres = LocalServices.postgres(dataDir.resolve("postgres"), port);
            supplied.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
            supplied.put("quarkus.datasource.username", "postgres");
            supplied.put("quarkus.datasource.password", "postgres");
        }
        if (value(context, "quarkus.oidc.auth-server-url", "").isBlank()) {
            String version = value(context, "annotator.local.keycloak-version", null);
            if (version == null) {
                throw new IllegalStateException("annotator.local.keycloak-version is missing: the build writes it from pom.xml");
            }
            Path home = Path.of(value(context, "annotator.local.keycloak-home", "target/keycloak/keycloak-" + version));
            int port = Integer.parseInt(value(context, "annotator.local.keycloak-port", "8180"));
            LocalKeycloak keycloak = LocalServices.keycloak(home, dataDir.resolve("keycloak"), port);
            supplied.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
            // The demo realm's client secrets; a real deployment sets QUARKUS_OIDC_CREDENTIALS_SECRET
            // and QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET.
            supplied.put("quarkus.oidc.credentials.secret", DEMO_CLIENT_SECRET);
            supplied.put("quarkus.keycloak.admin-client.client-secret", DEMO_ADMIN_CLIENT_SECRET);
            supplied.put("quarkus.keycloak.admin-client.server-url", keycloak.serverUrl());
        } else if (value(context, "quarkus.keycloak.admin-client.server-url", "").isBlank()) {
            // The Admin API lives on the same server as the realm: http://host/realms/x -> http://host
            String realmUrl = value(context, "quarkus.oidc.auth-server-url", "");
            supplied.put("quarkus.keycloak.admin-client.server-url", realmUrl.replaceFirst("/realms/.*$", ""));
        }
        return supplied.isEmpty() ? List.of() : List.of(new PropertiesConfigSource(supplied, "annotator-local-services", ORDINAL));
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? fallback : value.getValue();
    }
}
