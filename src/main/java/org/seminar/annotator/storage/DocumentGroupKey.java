package org.seminar.annotator.storage;

import java.io.Serializable;
import java.util.Objects;

/** The composite key of a row about one document and one seminar group (an {@code @IdClass}). */
public class DocumentGroupKey implements Serializable {

    public String documentId;
    public String groupId;

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentGroupKey k && Objects.equals(documentId, k.documentId) && Objects.equals(groupId, k.groupId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(documentId, groupId);
    }
}
