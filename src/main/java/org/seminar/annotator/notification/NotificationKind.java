package org.seminar.annotator.notification;

import java.util.Arrays;
import java.util.Optional;

/** What a notification is about, with its name on the wire and in settings, and the words people read. */
public enum NotificationKind {
    REPLY("reply", "Replies to my annotations", "replied to your annotation"),
    THREAD("thread", "Replies in discussions I took part in", "replied in a discussion you took part in"),
    MENTION("mention", "Mentions of me", "mentioned you"),
    ASSIGNED("assigned", "Documents newly assigned to my group", "A document was assigned to your group"),
    DUE("due", "Due dates within a day", "A document is due soon"),
    REVEAL("reveal", "The reveal (blind mode ended)", "Blind mode ended: everyone's annotations are shown");

    private final String wireName;
    private final String setting;
    private final String phrase;

    NotificationKind(String wireName, String setting, String phrase) {
        this.wireName = wireName;
        this.setting = setting;
        this.phrase = phrase;
    }

    public String wireName() {
        return wireName;
    }

    /** The label of its switch on the settings page. */
    public String setting() {
        return setting;
    }

    /** What happened, after the actor's name for kinds with an actor (reply, thread, mention), else on its own. */
    public String phrase() {
        return phrase;
    }

    /** Whether the phrase follows a person's name. */
    public boolean hasActor() {
        return this == REPLY || this == THREAD || this == MENTION;
    }

    public static Optional<NotificationKind> of(String wireName) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(wireName)).findFirst();
    }
}
