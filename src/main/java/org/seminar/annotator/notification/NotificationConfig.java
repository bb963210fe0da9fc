package org.seminar.annotator.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Notifications and their mail ({@code annotator.notifications.*}, or {@code ANNOTATOR_NOTIFICATIONS_*}). */
@ConfigMapping(prefix = "annotator.notifications")
public interface NotificationConfig {

    /** How often the outbox (changes not yet turned into notifications) and the mail queue are read. */
    @WithDefault("2s")
    Duration every();

    /** When the daily digest goes out (a Quartz-style cron expression, server time). */
    @WithDefault("0 0 7 * * ?")
    String digestCron();

    /** How often due dates are checked for reminders. */
    @WithDefault("15m")
    Duration dueEvery();

    /**
     * The SMTP server's host. Unset, no mail is sent at all (the start says so in one line); the inbox works the
     * same. TLS and credentials: {@code QUARKUS_MAILER_TLS},
     * {@code QUARKUS_MAILER_USERNAME}, {@code QUARKUS_MAILER_PASSWORD} (Quarkus Mailer).
     */
    Optional<String> smtpHost();

    /** The SMTP server's port (25 when left out). */
    Optional<Integer> smtpPort();

    /** The sender of notification mail. */
    @WithDefault("Seminar annotator <annotator@localhost>")
    String from();

    /**
     * The secret that signs unsubscribe links (HMAC-SHA256), at least 32 characters. Mail is off without it (a
     * link nobody can check is not offered); local mode makes one and keeps it in its data folder.
     */
    Optional<String> unsubscribeSecret();
}
