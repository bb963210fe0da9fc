package org.seminar.annotator.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.seminar.annotator.config.AnnotatorConfig;
import org.seminar.annotator.document.Document;

/**
 * Notification mail through Quarkus Mailer to a real SMTP server: one mail per notification, or one daily digest per
 * person. Off (fail closed, said once at start) without an SMTP host or without the unsubscribe secret. Before a mail
 * goes out each entry is judged again ({@link Inbox#stillVisible}): what was hidden or blinded since is not mailed.
 * A mail is marked sent only after the server took it; a failure leaves it queued for the next round.
 */
@ApplicationScoped
public class NotificationMail {

    private static final Logger LOG = Logger.getLogger(NotificationMail.class);

    /** One line of a mail. */
    public record Entry(String text, String excerpt, String url) {
    }

    /** An unsubscribe link of a mail, one per kind it tells of. */
    public record Unsubscribe(String label, String url) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mail(String heading, List<Entry> entries, List<Unsubscribe> unsubscribe, String settingsUrl);
    }

    @Inject
    Mailer mailer;
    @Inject
    NotificationConfig config;
    @Inject
    AnnotatorConfig app;
    @Inject
    Inbox inbox;

    private volatile UnsubscribeTokens tokens;

    void start(@Observes StartupEvent event) {
        if (config.smtpHost().isEmpty()) {
            LOG.info("Notification mail is off: no SMTP server configured (ANNOTATOR_NOTIFICATIONS_SMTP_HOST); the inbox works without it");
        } else if (config.unsubscribeSecret().filter(s -> s.length() >= 32).isEmpty()) {
            LOG.warn("Notification mail is off: ANNOTATOR_NOTIFICATIONS_UNSUBSCRIBE_SECRET (32 characters or more) is not set");
        } else {
            tokens = new UnsubscribeTokens(config.unsubscribeSecret().get());
            LOG.infof("Notification mail goes through %s as %s", config.smtpHost().get(), config.from());
        }
    }

    public boolean enabled() {
        return tokens != null;
    }

    UnsubscribeTokens tokens() {
        return tokens;
    }

    /** Sends every mail waiting to go out at once. */
    public void sendPending() {
        if (enabled()) {
            while (sendBatch(Notification.MAIL_PENDING) > 0) {
                // more may wait
            }
        }
    }

    /** The daily digest: one mail per person for everything collected since the last. */
    @Scheduled(cron = "{annotator.notifications.digest-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sendDigests() {
        if (enabled()) {
            while (sendBatch(Notification.MAIL_DIGEST) > 0) {
                // more may wait
            }
        }
    }

    /** Mails one batch of the given state (pending: a mail each; digest: a mail per person); returns how many were taken. */
    @Transactional
    int sendBatch(String state) {
        List<Notification> batch = Notification.find("mail = ?1 order by recipient, createdAt", state)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: other instances take other rows
                .page(0, 100).list();
        Map<String, List<Notification>> byRecipient = new LinkedHashMap<>();
        for (Notification n : batch) {
            byRecipient.computeIfAbsent(state.equals(Notification.MAIL_DIGEST) ? n.recipient : n.id, k -> new ArrayList<>()).add(n);
        }
        for (List<Notification> mail : byRecipient.values()) {
            List<Notification> shown = mail.stream().filter(inbox::stillVisible).toList();
            if (!shown.isEmpty()) {
                send(shown, state.equals(Notification.MAIL_DIGEST));
            }
            Instant now = Instant.now();
            mail.forEach(n -> {
                n.mail = shown.contains(n) ? Notification.MAIL_SENT : Notification.MAIL_NONE;
                n.mailedAt = shown.contains(n) ? now : null;
            });
        }
        return batch.size();
    }

    private void send(List<Notification> notifications, boolean digest) {
        String base = baseUrl();
        List<Entry> entries = new ArrayList<>();
        Set<NotificationKind> kinds = new LinkedHashSet<>();
        for (Notification n : notifications) {
            Document d = Document.findById(n.documentId);
            entries.add(new Entry(Inbox.sentence(n, d == null ? "a document" : d.title), n.excerpt, base + n.link()));
            kinds.add(n.kindOf());
        }
        String to = notifications.get(0).email;
        String username = notifications.get(0).recipient;
        List<Unsubscribe> links = kinds.stream()
                .map(k -> new Unsubscribe(k.setting(), base + "/unsubscribe?token=" + tokens.token(username, k))).toList();
        String subject = digest ? "Seminar annotator: " + entries.size() + " notification" + (entries.size() == 1 ? "" : "s") + " today"
                : "Seminar annotator: " + entries.get(0).text();
        String heading = digest ? "Your daily digest" : "Something new for you";
        String html = Templates.mail(heading, entries, links, base + "/account/notifications").render();
        StringBuilder text = new StringBuilder(heading).append("\n\n");
        entries.forEach(e -> text.append("- ").append(e.text()).append(e.excerpt() == null ? "" : "\n  “" + e.excerpt() + "”")
                .append("\n  ").append(e.url()).append("\n"));
        text.append("\nStop these mails:\n");
        links.forEach(l -> text.append("- ").append(l.label()).append(": ").append(l.url()).append("\n"));
        text.append("Settings: ").append(base).append("/account/notifications\n");
        mailer.send(Mail.withHtml(to, subject, html).setText(text.toString()).setFrom(config.from())
                .addHeader("List-Unsubscribe", "<" + links.get(0).url() + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }

    /** The public address for links in mail (no request to take it from): annotator.public-url, or this server. */
    String baseUrl() {
        if (app.publicUrl().isPresent()) {
            return app.publicUrl().get().toString().replaceAll("/+$", "");
        }
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return "http://localhost:" + ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8080);
    }
}
