package org.seminar.annotator.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.document.Document;
import org.seminar.annotator.document.Paragraph;
import org.seminar.annotator.document.Section;
import org.seminar.annotator.tag.TagService;

/**
 * A REFI-QDA project ({@code .qdpx}, QDA-XML 1.0) of a document and its annotations, for ATLAS.ti,
 * NVivo, MAXQDA, QDA Miner and QualCoder. The ZIP holds {@code project.qde} and the document as one
 * plain-text source, {@code sources/<guid>.txt}:
 * <ul>
 * <li>the source text is the document as read: the title, then each section's heading and each
 * paragraph, every block separated from the next by one empty line ({@link #SEPARATOR});</li>
 * <li>each annotation is a {@code PlainTextSelection} whose positions count Unicode code points of
 * that text (the standard's unit; the API counts UTF-16 units), with one {@code Coding} per tag;</li>
 * <li>an annotation's discussion (its comment, then each reply, each with its author and date) is
 * the selection's {@code Description}, which QDA programs show as the memo of the selection's
 * codings (QualCoder's {@code refi.py}, {@code load_codings_for_text}, reads it so; a selection
 * without codings becomes a QualCoder annotation); the comment and each reply are also a
 * {@code Note} of their own author, referred to from the selection as the standard puts it;</li>
 * <li>code colours are {@code #rrggbb}: QualCoder reads any other form as grey;</li>
 * <li>every GUID is derived from a stored id (name-based UUID), so two exports share them.</li>
 * </ul>
 * What goes in is what the report shows the caller: {@link ReportExports#rows} applies the same
 * visibility (blind mode, moderation, groups) as every other export.
 */
@ApplicationScoped
public class QdpxExport {

    /** Between two blocks (title, heading, paragraph) of the source text. */
    public static final String SEPARATOR = "\n\n";
    static final String NAMESPACE = "urn:QDA-XML:project:1.0";
    /** A ZIP archive; REFI-QDA registers no media type of its own. */
    public static final String MEDIA_TYPE = "application/zip";

    @Inject
    ReportExports exports;
    @Inject
    TagService tags;

    /** The source text and where each paragraph starts in it, in code points. */
    public record Source(String text, Map<String, Integer> paragraphStarts) {
    }

    public static Source source(Document document) {
        StringBuilder text = new StringBuilder(document.title);
        Map<String, Integer> starts = new HashMap<>();
        Map<String, List<Paragraph>> bySection = new LinkedHashMap<>();
        for (Paragraph p : Paragraph.ofDocument(document.id)) {
            bySection.computeIfAbsent(p.sectionId, k -> new ArrayList<>()).add(p);
        }
        int codePoints = text.codePointCount(0, text.length());
        for (Section section : Section.ofDocument(document.id)) {
            if (section.heading != null && !section.heading.isBlank()) {
                text.append(SEPARATOR).append(section.heading);
                codePoints += SEPARATOR.length() + section.heading.codePointCount(0, section.heading.length());
            }
            for (Paragraph p : bySection.getOrDefault(section.id, List.of())) {
                text.append(SEPARATOR);
                codePoints += SEPARATOR.length();
                starts.put(p.id, codePoints);
                text.append(p.text);
                codePoints += p.text.codePointCount(0, p.text.length());
            }
        }
        return new Source(text.append('\n').toString(), starts);
    }

    /** A GUID that stays the same for the same stored thing across exports. */
    static String guid(String kind, String id) {
        return UUID.nameUUIDFromBytes(("annotator:" + kind + ":" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Transactional
    public byte[] export(String documentId, ReportService.Filter filter, Reader reader) {
        List<ReportExports.Row> rows = exports.rows(documentId, filter, reader);
        Map<String, List<ReportExports.ReplyRow>> replies = exports.replies(rows, reader);
        Document document = Document.findById(documentId);
        Source source = source(document);
        String sourceGuid = guid("document", documentId);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            out.putNextEntry(new ZipEntry("project.qde"));
            writeProject(out, document, filter, rows, replies, source, sourceGuid);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("sources/" + sourceGuid + ".txt"));
            out.write(source.text().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    private void writeProject(OutputStream out, Document document, ReportService.Filter filter, List<ReportExports.Row> rows,
            Map<String, List<ReportExports.ReplyRow>> replies, Source source, String sourceGuid) throws IOException {
        // people: everyone who wrote an annotation or a reply, by username
        Map<String, String> people = new LinkedHashMap<>();
        for (ReportExports.Row r : rows) {
            people.putIfAbsent(r.author(), r.authorName());
            for (ReportExports.ReplyRow reply : replies.getOrDefault(r.id(), List.of())) {
                people.putIfAbsent(reply.author(), reply.authorName());
            }
        }
        // codes: the codebook's tags, and retired or unknown tags only when used
        Map<String, TagService.TagView> codebook = tags.bySlug();
        Map<String, TagService.TagView> codes = new LinkedHashMap<>();
        codebook.values().stream().filter(t -> !t.retired()).forEach(t -> codes.put(t.slug(), t));
        rows.stream().flatMap(r -> r.tags().stream()).filter(slug -> !codes.containsKey(slug)).forEach(slug -> codes.put(slug,
                codebook.getOrDefault(slug, new TagService.TagView(slug, slug, null, null, true, 0))));
        String now = iso(Instant.now());
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Project");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("name", document.title + (filter.group() == null || filter.group().isBlank() ? "" : " — " + filter.group()));
            xml.writeAttribute("origin", "Seminar annotator");
            xml.writeAttribute("creationDateTime", now);

            if (!people.isEmpty()) {
                xml.writeStartElement("Users");
                for (Map.Entry<String, String> person : people.entrySet()) {
                    xml.writeEmptyElement("User");
                    xml.writeAttribute("guid", guid("user", person.getKey()));
                    xml.writeAttribute("name", nameOf(person.getValue(), person.getKey()));
                    xml.writeAttribute("id", person.getKey());
                }
                xml.writeEndElement();
            }

            if (!codes.isEmpty()) {
                xml.writeStartElement("CodeBook");
                xml.writeStartElement("Codes");
                for (TagService.TagView tag : codes.values()) {
                    xml.writeStartElement("Code");
                    xml.writeAttribute("guid", guid("tag", tag.slug()));
                    xml.writeAttribute("name", tag.name());
                    xml.writeAttribute("isCodable", "true");
                    String color = sixDigitColor(tag.color());
                    if (color != null) {
                        xml.writeAttribute("color", color);
                    }
                    String description = (tag.description() == null ? "" : tag.description()) + (tag.retired() ? " (retired tag)" : "");
                    if (!description.isBlank()) {
                        element(xml, "Description", description.strip());
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeEndElement();
            }

            xml.writeStartElement("Sources");
            xml.writeStartElement("TextSource");
            xml.writeAttribute("guid", sourceGuid);
            xml.writeAttribute("name", document.title);
            xml.writeAttribute("plainTextPath", "internal://" + sourceGuid + ".txt");
            for (ReportExports.Row r : rows) {
                if (r.end() <= r.start()) {
                    continue; // needs attention after a correction: no place in the text to select
                }
                int paragraphStart = source.paragraphStarts().get(r.paragraphId());
                xml.writeStartElement("PlainTextSelection");
                xml.writeAttribute("guid", guid("annotation", r.id()));
                xml.writeAttribute("name", r.quote().length() > 60 ? r.quote().substring(0, 59).strip() + "…" : r.quote());
                xml.writeAttribute("startPosition", String.valueOf(paragraphStart + r.paragraphText().codePointCount(0, r.start())));
                xml.writeAttribute("endPosition", String.valueOf(paragraphStart + r.paragraphText().codePointCount(0, r.end())));
                xml.writeAttribute("creatingUser", guid("user", r.author()));
                xml.writeAttribute("creationDateTime", iso(r.created()));
                if (r.updated().isAfter(r.created())) {
                    xml.writeAttribute("modifyingUser", guid("user", r.author()));
                    xml.writeAttribute("modifiedDateTime", iso(r.updated()));
                }
                String discussion = discussion(r, replies.getOrDefault(r.id(), List.of()));
                if (!discussion.isEmpty()) {
                    element(xml, "Description", discussion);
                }
                for (String slug : r.tags()) {
                    xml.writeStartElement("Coding");
                    xml.writeAttribute("guid", guid("coding", r.id() + ":" + slug));
                    xml.writeAttribute("creatingUser", guid("user", r.author()));
                    xml.writeAttribute("creationDateTime", iso(r.created()));
                    xml.writeEmptyElement("CodeRef");
                    xml.writeAttribute("targetGUID", guid("tag", slug));
                    xml.writeEndElement();
                }
                if (r.comment() != null) {
                    noteRef(xml, guid("comment", r.id()));
                }
                for (ReportExports.ReplyRow reply : replies.getOrDefault(r.id(), List.of())) {
                    noteRef(xml, guid("reply", reply.id()));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();

            List<String[]> notes = new ArrayList<>(); // guid, name, author, created, text
            for (ReportExports.Row r : rows) {
                if (r.comment() != null) {
                    notes.add(new String[] {guid("comment", r.id()), "Comment by " + nameOf(r.authorName(), r.author()), r.author(),
                            iso(r.created()), r.comment()});
                }
                for (ReportExports.ReplyRow reply : replies.getOrDefault(r.id(), List.of())) {
                    notes.add(new String[] {guid("reply", reply.id()), "Reply by " + nameOf(reply.authorName(), reply.author()),
                            reply.author(), iso(reply.created()), reply.comment()});
                }
            }
            if (!notes.isEmpty()) {
                xml.writeStartElement("Notes");
                for (String[] note : notes) {
                    xml.writeStartElement("Note");
                    xml.writeAttribute("guid", note[0]);
                    xml.writeAttribute("name", note[1]);
                    xml.writeAttribute("creatingUser", guid("user", note[2]));
                    xml.writeAttribute("creationDateTime", note[3]);
                    element(xml, "PlainTextContent", note[4]);
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            element(xml, "Description", "Annotations of \"" + document.title + "\" exported by the seminar annotator on " + now
                    + ". The source text is the document as read: title, section headings and paragraphs, separated by empty lines.");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /**
     * The comment and the replies as one text, each with its author and date, for the selection's
     * {@code Description}: the one place every QDA program reads with the selection.
     */
    static String discussion(ReportExports.Row row, List<ReportExports.ReplyRow> replies) {
        List<String> parts = new ArrayList<>();
        if (row.comment() != null && !row.comment().isBlank()) {
            parts.add(nameOf(row.authorName(), row.author()) + ", " + day(row.created()) + ": " + row.comment());
        }
        for (ReportExports.ReplyRow reply : replies) {
            parts.add("Reply by " + nameOf(reply.authorName(), reply.author()) + ", " + day(reply.created()) + ": " + reply.comment());
        }
        return String.join("\n\n", parts);
    }

    /** {@code #abc} as {@code #aabbcc}; null for anything that is not a hex colour. */
    static String sixDigitColor(String color) {
        if (color == null || !color.matches("#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})")) {
            return null;
        }
        if (color.length() == 7) {
            return color.toUpperCase(java.util.Locale.ROOT);
        }
        StringBuilder six = new StringBuilder("#");
        for (char c : color.substring(1).toCharArray()) {
            six.append(c).append(c);
        }
        return six.toString().toUpperCase(java.util.Locale.ROOT);
    }

    private static String day(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC).format(instant);
    }

    private static void noteRef(XMLStreamWriter xml, String target) throws XMLStreamException {
        xml.writeEmptyElement("NoteRef");
        xml.writeAttribute("targetGUID", target);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String nameOf(String name, String username) {
        return name == null || name.isBlank() ? username : name;
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
