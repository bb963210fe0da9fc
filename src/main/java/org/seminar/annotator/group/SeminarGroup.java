package org.seminar.annotator.group;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;

/** A seminar group as last seen in Keycloak: its permanent Keycloak id and its current name. */
@Entity
public class SeminarGroup extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public Instant updatedAt;

    public static Optional<SeminarGroup> byName(String name) {
        return find("name = ?1 order by updatedAt desc", name).firstResultOptional();
    }
}
