package org.seminar.annotator.annotation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.seminar.annotator.account.CurrentUser;
import org.seminar.annotator.group.SeminarGroups;

/** Builds the {@link Reader} of the current request once. */
@RequestScoped
public class Readers {

    @Inject
    CurrentUser user;
    @Inject
    SeminarGroups groups;

    private Reader reader;

    public Reader current() {
        if (reader == null) {
            Map<String, String> ids = new LinkedHashMap<>();
            Optional<Map<String, String>> known = user.groupIdsByName();
            if (known.isPresent()) {
                known.get().forEach((name, id) -> {
                    groups.remember(id, name);
                    ids.put(name, id);
                });
            } else {
                for (String name : user.groups()) {
                    groups.idOf(name).ifPresent(id -> ids.put(name, id));
                }
            }
            reader = new Reader(user.username(), user.name(), user.isAdmin(), ids);
        }
        return reader;
    }
}
