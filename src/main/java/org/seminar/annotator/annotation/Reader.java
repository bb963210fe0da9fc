package org.seminar.annotator.annotation;

import java.util.Map;
import java.util.Set;

/**
 * Who is asking, as far as annotations care: an admin sees every group; others see the groups they
 * belong to, identified by Keycloak group id ({@code groupIdsByName} maps their token's names).
 */
public record Reader(String username, String name, boolean admin, Map<String, String> groupIdsByName) {

    public Set<String> groupIds() {
        return Set.copyOf(groupIdsByName.values());
    }
}
