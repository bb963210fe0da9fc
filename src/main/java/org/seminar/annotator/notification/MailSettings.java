package org.seminar.annotator.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Each person's mail settings (table {@code notification_settings}): kinds not mailed, and at once or as a daily digest. */
@ApplicationScoped
public class MailSettings {

    /** Mail settings of one person; without a row every kind is mailed at once. */
    public record Settings(boolean digest, Set<NotificationKind> muted) {
        public boolean mails(NotificationKind kind) {
            return !muted.contains(kind);
        }
    }

    @Inject
    EntityManager em;

    @Transactional
    public Settings of(String username) {
        List<Tuple> rows = em.createNativeQuery("select digest, array_to_string(muted, ',') as muted from notification_settings where username = :u",
                Tuple.class).setParameter("u", username).getResultList();
        if (rows.isEmpty()) {
            return new Settings(false, EnumSet.noneOf(NotificationKind.class));
        }
        Set<NotificationKind> muted = EnumSet.noneOf(NotificationKind.class);
        Arrays.stream(rows.get(0).get("muted", String.class).split(",")).forEach(k -> NotificationKind.of(k).ifPresent(muted::add));
        return new Settings(rows.get(0).get("digest", Boolean.class), muted);
    }

    @Transactional
    public void save(String username, Settings settings) {
        em.createNativeQuery("""
                insert into notification_settings (username, digest, muted) values (:u, :d, cast(:m as varchar[]))
                on conflict (username) do update set digest = excluded.digest, muted = excluded.muted""")
                .setParameter("u", username).setParameter("d", settings.digest())
                .setParameter("m", "{" + String.join(",", settings.muted().stream().map(NotificationKind::wireName).toList()) + "}")
                .executeUpdate();
    }

    /** Stops mail of one kind to one person (the unsubscribe link); the rest of the settings stay. */
    @Transactional
    public void mute(String username, NotificationKind kind) {
        Settings now = of(username);
        Set<NotificationKind> muted = EnumSet.noneOf(NotificationKind.class);
        muted.addAll(now.muted());
        muted.add(kind);
        save(username, new Settings(now.digest(), muted));
    }
}
