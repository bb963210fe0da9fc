package org.seminar.annotator.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Every tunable of the app, typed and in one place ({@code annotator.*} in application.properties,
 * or {@code ANNOTATOR_*} in the environment). Code reads its knobs here rather than keeping literals.
 */
@ConfigMapping(prefix = "annotator")
public interface AnnotatorConfig {

    /**
     * The address people open the app at (behind a proxy: the public one). Absolute URLs in exports
     * and the same-origin check for cookie-authenticated writes use it; unset, it is
     * {@code http://localhost:<port>} with the port the server listens on.
     */
    Optional<URI> publicUrl();

    /** The zero-setup run's own PostgreSQL and Keycloak (read before the app starts, see {@code local}). */
    Local local();

    /** Accounts as Keycloak has them now. */
    Accounts accounts();

    /** Sign-in sessions that ended before their tokens expire (see {@code account.EndedSessions}). */
    Sessions sessions();

    /** Live updates and presence. */
    Live live();

    /** How long rarely changing data is kept in memory; other app instances see a change within this time. */
    Caches caches();

    /** The admin area. */
    Admin admin();

    /** How new annotations are written to PostgreSQL (see {@code storage.GroupCommit}). */
    Writes writes();

    /** Importing PDFs: what reading one may cost before it is refused, and how many are read at once. */
    Pdf pdf();

    interface Local {
        /**
         * Local mode: the app runs its own PostgreSQL and Keycloak (with the demo realm) for the settings that are not
         * given. Off unless asked for ({@code ANNOTATOR_LOCAL_ENABLED=true}; the README's first command asks): without
         * it a missing database or OIDC setting stops the start with the variable named, so a deployment that forgot
         * one never runs on a throw-away database or on demo accounts.
         */
        @WithDefault("false")
        boolean enabled();

        /** Folder holding the PostgreSQL binaries archive ({@code postgres-linux-x86_64.txz}) that the build unpacks. */
        @WithDefault("target/postgres")
        String postgresBinaries();

        /** The demo realm imported into the local Keycloak on its first start. */
        @WithDefault("docker/keycloak/seminar-realm.json")
        String realmFile();

        /** Folder of the embedded PostgreSQL ({@code postgres/}) and the local Keycloak ({@code keycloak/}). */
        @WithDefault("data")
        String dataDir();

        /** Port of the embedded PostgreSQL; 0 picks a free one. */
        @WithDefault("0")
        int postgresPort();

        /** Port of the local Keycloak. */
        @WithDefault("8180")
        int keycloakPort();

        /** Version of the Keycloak distribution the build unpacks; written by the build from pom.xml. */
        String keycloakVersion();

        /** The unpacked Keycloak distribution; unset, where the build puts it for {@link #keycloakVersion()}. */
        Optional<String> keycloakHome();

        /** Port of the local mail server's SMTP (GreenMail), unless an SMTP host is configured. */
        @WithDefault("3025")
        int smtpPort();

        /** Port of the local mail server's IMAP, where the kept mail is read (login and password: the address). */
        @WithDefault("3143")
        int imapPort();
    }

    interface Accounts {
        /**
         * How old Keycloak's answer about an account (enabled, roles, groups) may be before it is asked
         * again: disabling someone takes effect on their next request after at most this long (at once
         * when done through this app's admin area).
         */
        @WithDefault("5S")
        Duration recheckAfter();
    }

    interface Sessions {
        /**
         * How often each instance reads the session ends that other instances recorded (a sign-out or
         * Keycloak's notice that reached another instance): a copy of such a session's cookie is refused
         * here within this long, and at once on the instance that learnt of the end.
         */
        @WithDefault("2S")
        Duration endedRefresh();

        /**
         * How long an ended session is remembered: longer than any of its tokens can live after the end
         * (the demo realm's tokens live 5 minutes, its sessions at most 10 hours; an ended session cannot
         * be refreshed).
         */
        @WithDefault("12H")
        Duration endedKept();
    }

    interface Live {
        /** Comment lines sent on idle event streams, to keep them open through proxies and find dead ones. */
        @WithDefault("15S")
        Duration heartbeat();

        /**
         * How often a reading page reports who reads where; a reader silent for two intervals and ten
         * seconds counts as gone. The page gets this value from the server.
         */
        @WithDefault("30S")
        Duration presenceInterval();

        /** How long a reader counts as present after their last report. */
        default Duration presenceExpiry() {
            return presenceInterval().multipliedBy(2).plusSeconds(10);
        }
    }

    interface Caches {
        /** The tag codebook, read on every annotation write. */
        @WithDefault("30S")
        Duration codebook();

        /** Seminar group name → Keycloak id lookups. */
        @WithDefault("1M")
        Duration groupNames();
    }

    interface Admin {
        /** Accounts per page in the admin area. */
        @WithDefault("20")
        int pageSize();
    }

    interface Writes {
        /**
         * Whether a new annotation is written by the group-commit writers ({@code storage.GroupCommit}: one SQL statement,
         * batched with concurrent creates) or on the plain transactional path every other write takes (entities, history
         * and the journalled event in one transaction). Both write the same rows; docs/benchmarks compares them.
         */
        @WithDefault("true")
        boolean groupCommit();

        /**
         * Threads that write and commit the creates waiting at that moment, each batch in one transaction: while
         * one waits for its commit to reach the disk, the next batch is written.
         */
        @WithDefault("2")
        int writers();

        /** At most this many writes share one transaction. */
        @WithDefault("64")
        int batch();
    }

    interface Pdf {
        /**
         * Decoded stream data one PDF may inflate to, in all: page contents, fonts, object and cross-reference streams
         * (images are not decoded to read text and do not count). A journal article of 5 MB decodes to a few MB; a
         * PDF bomb (a small file whose compressed streams decode to gigabytes) is refused with 413 once it passes this.
         */
        @WithDefault("64M")
        MemorySize maxInflated();

        /** Pages read; a longer PDF is refused with 413 before its text is read. */
        @WithDefault("300")
        int maxPages();

        /** Objects a PDF may declare (its cross-reference entries, the objects packed in its object streams); 413 beyond. */
        @WithDefault("200000")
        int maxObjects();

        /**
         * Characters of text read (each is held with its position until the layout is rebuilt: about 100 bytes each);
         * 300 dense pages have about 1,500,000. 413 beyond.
         */
        @WithDefault("2000000")
        int maxCharacters();

        /** Wall time to read one PDF, from parsing to the rebuilt structure; 413 when it takes longer. */
        @WithDefault("20S")
        Duration maxTime();

        /**
         * PDFs read at the same time, each on a thread of its own (never on the request threads): one more upload
         * while these are busy is answered 503 with {@code Retry-After}, so that imports cannot take the CPU from
         * readers.
         */
        @WithDefault("1")
        int concurrent();

        /** The {@code Retry-After} of that 503. */
        @WithDefault("5S")
        Duration busyRetryAfter();

        /** Reading scanned PDFs (pages that are pictures of print) with Tesseract OCR. */
        Ocr ocr();

        interface Ocr {
            /**
             * Whether scanned pages are read with OCR. On, the server looks for the command once at its start (and logs
             * what it found); without it, or off, a scan is refused with the advice to install Tesseract (Debian:
             * {@code tesseract-ocr tesseract-ocr-eng}).
             */
            @WithDefault("true")
            boolean enabled();

            /** The Tesseract command, found on the PATH or given as a path. */
            @WithDefault("tesseract")
            String command();

            /** Tesseract's language data to read with ({@code eng}; several as {@code eng+deu}), installed with it. */
            @WithDefault("eng")
            String language();

            /**
             * Wall time to read a scanned PDF, from parsing to the rebuilt structure, instead of {@code max-time}: OCR
             * takes about 2-4 s a page on one core (2 pages a second, at best, on two).
             */
            @WithDefault("120S")
            Duration maxTime();

            /** Pages read at once, each by a Tesseract process of its own on one core. */
            @WithDefault("2")
            int parallel();
        }
    }
}
