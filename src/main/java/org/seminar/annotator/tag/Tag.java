package org.seminar.annotator.tag;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/** A code of the seminar's codebook: a stable slug, a display name, a colour and a definition. */
@Entity
public class Tag extends PanacheEntityBase {

    @Id
    public String slug;
    public String name;
    public String color;
    public String description;
    public boolean retired;
    public int position;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public int version;

    public static List<Tag> inOrder() {
        return list("order by position, slug");
    }

    public static int nextPosition() {
        Integer max = getEntityManager().createQuery("select max(t.position) from Tag t", Integer.class).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
