package org.seminar.annotator.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.representations.idm.GroupRepresentation;
import org.seminar.annotator.account.KeycloakAccounts;
import org.seminar.annotator.config.AnnotatorConfig;
import org.seminar.annotator.web.ProblemException;

/**
 * Maps the group names in a token to Keycloak's permanent group ids (and back, for display). Ids
 * come from the Keycloak Admin API and are remembered in the database, so that reading and
 * annotating go on while Keycloak is unreachable.
 */
@ApplicationScoped
public class SeminarGroups {

    private static final Logger LOG = Logger.getLogger(SeminarGroups.class);

    private record Cached(String id, Instant at) {
    }

    private final Map<String, Cached> idByName = new ConcurrentHashMap<>();
    private final Map<String, String> nameById = new ConcurrentHashMap<>();

    @Inject
    KeycloakAccounts keycloak;
    @Inject
    GroupStore store;
    @Inject
    AnnotatorConfig config;

    /** The Keycloak id of a top-level group named {@code name}, if it exists. */
    public Optional<String> idOf(String name) {
        Cached cached = idByName.get(name);
        if (cached != null && cached.at().plus(config.caches().groupNames()).isAfter(Instant.now())) {
            return Optional.of(cached.id());
        }
        try {
            Optional<GroupRepresentation> group = keycloak.groupNamed(name);
            group.ifPresent(g -> remember(g.getId(), g.getName()));
            return group.map(GroupRepresentation::getId);
        } catch (ProblemException e) {
            if (e.status() != 503) {
                throw e;
            }
            LOG.warnf("Keycloak could not be asked for group '%s' (%s); using the last known id", name, e.getMessage());
            Optional<String> known = store.idByName(name);
            if (known.isEmpty()) {
                throw new ProblemException(503, "Keycloak unavailable",
                        "Seminar groups cannot be checked right now; try again in a minute.", List.of());
            }
            return known;
        }
    }

    /** The last known name of a group, for display. */
    public String nameOf(String id) {
        return nameById.computeIfAbsent(id, k -> store.nameById(k).orElse(k));
    }

    /** Records a group's current name, for instance after a rename through the admin area. */
    public void remember(String id, String name) {
        idByName.put(name, new Cached(id, Instant.now()));
        String previous = nameById.put(id, name);
        if (!name.equals(previous)) {
            store.save(id, name);
        }
    }

    /** Forgets cached names so the next lookup asks Keycloak again. */
    public void forget(String name) {
        idByName.remove(name);
    }


    /** The database side, in its own transactions. */
    @ApplicationScoped
    public static class GroupStore {

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void save(String id, String name) {
            SeminarGroup group = SeminarGroup.findById(id);
            if (group == null) {
                group = new SeminarGroup();
                group.id = id;
                group.name = name;
                group.updatedAt = Instant.now();
                group.persist();
            } else {
                group.name = name;
                group.updatedAt = Instant.now();
            }
        }

        @Transactional
        public Optional<String> idByName(String name) {
            return SeminarGroup.byName(name).map(g -> g.id);
        }

        @Transactional
        public Optional<String> nameById(String id) {
            return SeminarGroup.<SeminarGroup>findByIdOptional(id).map(g -> g.name);
        }
    }
}
