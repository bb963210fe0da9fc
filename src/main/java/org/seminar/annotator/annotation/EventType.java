package org.seminar.annotator.annotation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The kinds of live events, with the names they carry on the wire (SSE event names, journal rows). */
public enum EventType {
    ANNOTATION_CREATED("annotation-created", true),
    ANNOTATION_UPDATED("annotation-updated", true),
    ANNOTATION_DELETED("annotation-deleted", true),
    /** Moderation took an annotation out of sight; pages drop it (admins and its author refetch it). */
    ANNOTATION_HIDDEN("annotation-hidden", true),
    REPLY_CREATED("reply-created", true),
    BLIND("blind", false),
    REVEAL("reveal", false),
    PRESENCE("presence", false),
    /** A tag was added, changed, moved, retired or restored: every open page reads the codebook again. Not journalled. */
    CODEBOOK_CHANGED("codebook-changed", false);

    private final String wireName;
    private final boolean aboutAnnotation;

    EventType(String wireName, boolean aboutAnnotation) {
        this.wireName = wireName;
        this.aboutAnnotation = aboutAnnotation;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether the event concerns one annotation (and so follows its visibility) rather than the whole group. */
    public boolean aboutAnnotation() {
        return aboutAnnotation;
    }

    @JsonCreator
    public static EventType ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + name));
    }
}
