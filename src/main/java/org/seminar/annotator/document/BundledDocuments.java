package org.seminar.annotator.document;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.seminar.annotator.document.parse.ArticleParser;

/** Loads the article the app ships with on first start; later starts (and other instances) find it there. */
@ApplicationScoped
public class BundledDocuments {

    private static final Logger LOG = Logger.getLogger(BundledDocuments.class);
    public static final String ARTICLE_KEY = "belarus-non-alignment-neutrality-strategic-autonomy";
    /** Serialises the check-then-insert across app instances sharing one database. */
    private static final long IMPORT_LOCK = 0x5eaa_0001L;

    @Inject
    DocumentImporter importer;
    @Inject
    EntityManager em;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, IMPORT_LOCK).getSingleResult();
        if (Document.findBundled(ARTICLE_KEY).isPresent()) {
            return;
        }
        Instant started = Instant.now();
        String id = importer.importText(read("documents/" + ARTICLE_KEY + ".txt"), ArticleParser.Source.PRINT_EXTRACTION,
                ARTICLE_KEY, null);
        LOG.infof("Loaded the bundled article as document %s in %d ms", id, Duration.between(started, Instant.now()).toMillis());
    }

    private static String read(String resource) {
        try (InputStream in = BundledDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled document " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
