package org.seminar.annotator.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.seminar.annotator.document.parse.InlineText;

/** An imported article: its front matter; sections, paragraphs and footnotes refer to it. */
@Entity
public class Document extends PanacheEntityBase {

    @Id
    public String id;
    public String title;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> authors;
    @Column(name = "abstract")
    public String abstractText;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> keywords;
    public String authorNote;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<InlineText.Mark> authorNoteMarks;
    public String sourceKind;
    public String bundledKey;
    public String importedBy;
    public Instant importedAt;
    /** Kept with its annotations, hidden from reviewers; admins can bring it back. */
    public boolean archived;
    /** When and by whom it was last archived (null: never, or before this was recorded). */
    public Instant archivedAt;
    public String archivedBy;
    public java.time.LocalDate dueDate;
    /** When an admin last corrected its text (null: as imported). */
    public Instant correctedAt;
    /** {@link #DRAFT} (a PDF import the teacher has not checked yet: admins only) or {@link #PUBLISHED}. */
    public String status = PUBLISHED;
    /** When a draft was published (null: published from the start, or still a draft). */
    public Instant publishedAt;

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";

    public boolean isDraft() {
        return DRAFT.equals(status);
    }

    public static Optional<Document> findBundled(String key) {
        return find("bundledKey", key).firstResultOptional();
    }

    public static List<Document> listByTitle() {
        return list("order by title, importedAt");
    }
}
