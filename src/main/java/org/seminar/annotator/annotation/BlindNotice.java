package org.seminar.annotator.annotation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.seminar.annotator.document.DocumentAccess;
import org.seminar.annotator.group.SeminarGroups;

/**
 * The blind-mode notice of the reading page, from the state on the server at every load ({@code inject:blindNotice}
 * in the page's template; the page's script only follows changes while it is open). Offered to the template by name
 * because the reading page belongs to {@code document}, which does not depend on {@code annotation}.
 */
@Named("blindNotice")
@RequestScoped
public class BlindNotice {

    @Inject
    Readers readers;
    @Inject
    BlindModes blindModes;
    @Inject
    DocumentAccess documentAccess;
    @Inject
    SeminarGroups groups;

    /** The notice for the reader, or null when none of their groups is blind for the document. */
    public String text(String documentId) {
        Reader reader = readers.current();
        if (reader.admin()) {
            List<String> blind = groupsOf(documentId).stream().filter(g -> blindModes.isBlind(documentId, g)).map(groups::nameOf)
                    .sorted().toList();
            return blind.isEmpty() ? null : "Blind mode is on for " + String.join(", ", blind)
                    + ": reviewers there see only their own annotations until the reveal.";
        }
        boolean blind = reader.groupIdsByName().values().stream().anyMatch(g -> blindModes.isBlind(documentId, g));
        return blind ? "Blind mode is on: you see your own annotations only, until the reveal." : null;
    }

    private List<String> groupsOf(String documentId) {
        List<String> assigned = documentAccess.groupsOf(documentId);
        return assigned.isEmpty() ? BlindMode.<BlindMode>list("documentId", documentId).stream().map(b -> b.groupId).toList() : assigned;
    }

}
