package org.seminar.annotator.local;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The one owner of the servers the app needs and where they come from. A deployment configures its database and
 * Keycloak; a setting left out stops the start at once with one line naming the variable (fail closed: never a
 * throw-away database, never the demo realm). Only in local mode ({@code annotator.local.enabled=true}, which the
 * README's first command sets) does the app start an embedded PostgreSQL and a local Keycloak with the demo realm
 * for the settings not given, and a mail server that keeps the mail (GreenMail, read over IMAP),
 * and supply their addresses as configuration.
 */
public class LocalServicesConfigSourceFactory implements ConfigSourceFactory {

    /** Below application.properties (250), which must therefore not set the keys supplied here. */
    private static final int ORDINAL = 200;
    static final String DEMO_CLIENT_SECRET = "annotator-secret";
    static final String DEMO_ADMIN_CLIENT_SECRET = "annotator-admin-secret";
    /** Exit status of a start refused for missing settings (as sysexits' EX_CONFIG). */
    static final int MISSING_SETTINGS = 78;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // During the build nothing may start: a URL baked into the jar would point at a dead server.
        if (ExecutionMode.current() == ExecutionMode.UNSET) {
            return List.of();
        }
        boolean local = Boolean.parseBoolean(value(context, "annotator.local.enabled", "false").trim());
        List<String> missing = missingSettings(context, local);
        if (!missing.isEmpty()) {
            refuseToStart(missing);
        }
        if (!local) {
            return List.of(new PropertiesConfigSource(adminServerUrl(context), "annotator-configured-services", ORDINAL));
        }
        Path dataDir = Path.of(value(context, "annotator.local.data-dir", "data"));
        Map<String, String> supplied = new HashMap<>();
        if (blank(context, "quarkus.datasource.jdbc.url")) {
            int port = Integer.parseInt(value(context, "annotator.local.postgres-port", "0"));
            Path binaries = Path.of(value(context, "annotator.local.postgres-binaries", "target/postgres"));
            LocalPostgres postgres = LocalServices.postgres(binaries, dataDir.resolve("postgres"), port);
            supplied.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
            supplied.put("quarkus.datasource.username", "postgres");
            supplied.put("quarkus.datasource.password", "postgres");
        }
        if (blank(context, "quarkus.oidc.auth-server-url")) {
            String version = value(context, "annotator.local.keycloak-version", null);
            if (version == null) {
                throw new IllegalStateException("annotator.local.keycloak-version is missing: the build writes it from pom.xml");
            }
            Path home = Path.of(value(context, "annotator.local.keycloak-home", "target/keycloak/keycloak-" + version));
            Path realm = Path.of(value(context, "annotator.local.realm-file", "docker/keycloak/seminar-realm.json"));
            int port = Integer.parseInt(value(context, "annotator.local.keycloak-port", "8180"));
            LocalKeycloak keycloak = LocalServices.keycloak(home, realm, dataDir.resolve("keycloak"), port);
            supplied.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
            // The demo realm's client secrets, local mode only.
            supplied.put("quarkus.oidc.credentials.secret", DEMO_CLIENT_SECRET);
            supplied.put("quarkus.keycloak.admin-client.client-secret", DEMO_ADMIN_CLIENT_SECRET);
            supplied.put("quarkus.keycloak.admin-client.server-url", keycloak.serverUrl());
        } else {
            supplied.putAll(adminServerUrl(context));
        }
        if (blank(context, "annotator.notifications.smtp-host")) {
            LocalMail mail = LocalServices.mail(Integer.parseInt(value(context, "annotator.local.smtp-port", "3025")),
                    Integer.parseInt(value(context, "annotator.local.imap-port", "3143")));
            supplied.put("annotator.notifications.smtp-host", "127.0.0.1");
            supplied.put("annotator.notifications.smtp-port", String.valueOf(mail.smtpPort()));
        }
        if (blank(context, "annotator.notifications.unsubscribe-secret")) {
            supplied.put("annotator.notifications.unsubscribe-secret", LocalMail.secret(dataDir));
        }
        return List.of(new PropertiesConfigSource(supplied, "annotator-local-services", ORDINAL));
    }

    /**
     * The environment variables of the settings a start cannot do without and does not have. In local mode the
     * database and Keycloak may be left out (the app runs its own); the secrets of a configured Keycloak may not.
     */
    static List<String> missingSettings(ConfigSourceContext context, boolean local) {
        List<String> missing = new ArrayList<>();
        if (!local && blank(context, "quarkus.datasource.jdbc.url")) {
            missing.add("QUARKUS_DATASOURCE_JDBC_URL");
        }
        if (blank(context, "quarkus.oidc.auth-server-url")) {
            if (!local) {
                missing.add("QUARKUS_OIDC_AUTH_SERVER_URL");
            }
        } else {
            if (blank(context, "quarkus.oidc.credentials.secret")) {
                missing.add("QUARKUS_OIDC_CREDENTIALS_SECRET");
            }
            if (blank(context, "quarkus.keycloak.admin-client.client-secret")) {
                missing.add("QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET");
            }
        }
        return missing;
    }

    /** One line on standard error and an immediate exit: nothing has started yet, so nothing needs stopping. */
    private static void refuseToStart(List<String> missing) {
        System.err.println("Not starting: " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                + " not set (see README.md, \"Deploying\"; ANNOTATOR_LOCAL_ENABLED=true runs local demo servers instead)");
        System.err.flush();
        Runtime.getRuntime().halt(MISSING_SETTINGS);
    }

    /** The Admin API lives on the same server as the realm: {@code http://host/realms/x} gives {@code http://host}. */
    private static Map<String, String> adminServerUrl(ConfigSourceContext context) {
        if (!blank(context, "quarkus.keycloak.admin-client.server-url") || blank(context, "quarkus.oidc.auth-server-url")) {
            return Map.of();
        }
        String realmUrl = value(context, "quarkus.oidc.auth-server-url", "");
        return Map.of("quarkus.keycloak.admin-client.server-url", realmUrl.replaceFirst("/realms/.*$", ""));
    }

    private static boolean blank(ConfigSourceContext context, String name) {
        return value(context, name, "").isBlank();
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? fallback : value.getValue();
    }
}
