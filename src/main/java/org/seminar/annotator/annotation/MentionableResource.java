package org.seminar.annotator.annotation;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seminar.annotator.document.DocumentAccess;
import org.seminar.annotator.group.GroupMembers;

/**
 * Whom the caller may mention in a document: the people of the caller's seminar groups that the document is
 * assigned to (all the caller's groups for a document assigned to none), without the caller.
 */
@Path("/api/documents/{id}/people")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MentionableResource {

    /** A person who can be mentioned: {@code @username} in a comment, shown as {@code name}. */
    public record Person(String username, String name) {
    }

    @Inject
    Readers readers;
    @Inject
    DocumentAccess documentAccess;
    @Inject
    GroupMembers members;

    @GET
    public List<Person> people(@PathParam("id") String id) {
        Reader reader = readers.current();
        documentAccess.check(id, reader.admin(), reader.groupIds());
        List<String> assigned = documentAccess.groupsOf(id);
        Map<String, Person> people = new LinkedHashMap<>();
        for (String groupId : reader.groupIds()) {
            if (assigned.isEmpty() || assigned.contains(groupId)) {
                members.of(groupId).stream().filter(m -> !m.username().equals(reader.username()))
                        .forEach(m -> people.putIfAbsent(m.username(), new Person(m.username(), m.name())));
            }
        }
        return people.values().stream().sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
