package org.seminar.annotator.annotation;

import java.util.Map;
import java.util.Set;

/**
 * Who is asking, as far as annotations care: an admin sees every group; others see the groups they
 * belong to, identified by Keycloak group id ({@code groupIdsByName} maps their token's names).
 */
public record Reader(String username, String name, boolean admin, Map<String, String> groupIdsByName, Set<String> groupIds) {

    /** The group ids are derived once here: every visibility check of every event asks for them. */
    public Reader(String username, String name, boolean admin, Map<String, String> groupIdsByName) {
        this(username, name, admin, Map.copyOf(groupIdsByName), Set.copyOf(groupIdsByName.values()));
    }
}
