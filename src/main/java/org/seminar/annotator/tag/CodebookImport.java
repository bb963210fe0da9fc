package org.seminar.annotator.tag;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;
import org.seminar.annotator.web.TextRules;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Loads tags from a REFI-QDA codebook: a {@code .qdc} file (namespace {@code urn:QDA-XML:codebook:1.0})
 * or the codebook of a {@code .qdpx} project (its {@code project.qde}, namespace
 * {@code urn:QDA-XML:project:1.0}), as ATLAS.ti, NVivo, MAXQDA and QualCoder write them. Every code
 * that can be applied becomes a tag named by its path ({@code Parent / Child}); codes only grouping
 * others give their name to the path. First a preview of what would happen to each code, then the
 * import, all or nothing; tags that exist already (same slug or name) are left as they are.
 */
@ApplicationScoped
public class CodebookImport {

    static final String CODEBOOK_NS = "urn:QDA-XML:codebook:1.0";
    static final String PROJECT_NS = "urn:QDA-XML:project:1.0";
    /** Between a parent code's name and its child's in a tag name. */
    public static final String PATH_SEPARATOR = " / ";
    /** Largest file read, and largest {@code project.qde} unpacked from a project. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    static final int MAX_CODES = 500;
    private static final String[] PALETTE = {"#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b83280", "#2c7a7b", "#975a16", "#4a5568"};

    @Inject
    TagService tags;
    @Inject
    AdminLog log;

    /**
     * What importing one code would do: {@code new} (created), {@code exists} (left as it is) or {@code invalid};
     * {@code warning}: the QDA program's colour is kept, but it is hard to see on the reading page (recolour it after).
     */
    public record Row(String name, String slug, String color, String description, String status, String problem, String warning) {
    }

    public record Preview(List<Row> rows, int toCreate, int existing, int invalid) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CodebookImportResult", description = "The tags a codebook import created, and how many it found existing")
    public record Result(List<TagService.TagView> created, int existing) {
    }

    @Transactional
    public Preview preview(byte[] file) {
        List<Code> codes = codes(file);
        Map<String, TagService.TagView> codebook = tags.bySlug();
        Set<String> names = new HashSet<>();
        codebook.values().forEach(t -> names.add(t.name().toLowerCase(Locale.ROOT)));
        Set<String> seen = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        int index = 0;
        for (Code code : codes) {
            String slug = slug(code.name());
            String color = code.color() != null ? code.color() : PALETTE[index++ % PALETTE.length];
            String description = code.description() == null || code.description().isBlank()
                    ? "Code \u201c" + code.name() + "\u201d imported from a REFI-QDA codebook."
                    : code.description().strip();
            if (description.length() > 400) {
                description = description.substring(0, 399).strip() + "\u2026";
            }
            String problem = null;
            List<Problem.FieldError> textErrors = new ArrayList<>();
            if (code.name().length() > 80) {
                problem = "the name (with its parents' names) is longer than 80 characters";
            } else if (slug.isEmpty()) {
                problem = "the name has no letters or digits to make a tag id from";
            } else if (TextRules.check("name", code.name(), textErrors) || TextRules.check("description", description, textErrors)) {
                problem = textErrors.get(0).message();
            } else if (!seen.add(slug)) {
                problem = "the file has this code twice";
            }
            String status = problem != null ? "invalid"
                    : codebook.containsKey(slug) || names.contains(code.name().toLowerCase(Locale.ROOT)) ? "exists" : "new";
            String warning = status.equals("new") ? TagColours.problem(color).orElse(null) : null;
            rows.add(new Row(code.name(), slug, color, description, status, problem, warning));
        }
        return new Preview(rows, (int) rows.stream().filter(r -> r.status().equals("new")).count(),
                (int) rows.stream().filter(r -> r.status().equals("exists")).count(),
                (int) rows.stream().filter(r -> r.status().equals("invalid")).count());
    }

    /** Creates every new tag of the file, or none: a file with an invalid code is refused with each problem named. */
    @Transactional
    public Result importFile(byte[] file, String actor) {
        Preview preview = preview(file);
        if (preview.invalid() > 0) {
            List<Problem.FieldError> errors = new ArrayList<>();
            for (int i = 0; i < preview.rows().size(); i++) {
                Row r = preview.rows().get(i);
                if (r.problem() != null) {
                    errors.add(new Problem.FieldError("file", "code " + (i + 1) + " (" + abbreviate(r.name()) + "): " + r.problem()));
                }
            }
            throw ProblemException.badFields(errors);
        }
        List<TagService.TagView> created = new ArrayList<>();
        for (Row r : preview.rows()) {
            if (r.status().equals("new")) {
                created.add(tags.createImported(new TagService.NewTag(r.slug(), r.name(), r.color(), r.description()), actor));
            }
        }
        log.record(actor, "codebook-import", "codebook", Map.of("created", created.stream().map(TagService.TagView::name).toList(),
                "existing", preview.existing()));
        return new Result(created, preview.existing());
    }

    /**
     * The codes of a file as a small flat {@code .qdc} (each code named by its path): what a form
     * carries from the preview to the import, instead of a whole project with its sources.
     */
    public static byte[] flatCodebook(byte[] file) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CodeBook xmlns=\"" + CODEBOOK_NS + "\"><Codes>");
        for (Code c : codes(file)) {
            xml.append("<Code guid=\"").append(java.util.UUID.nameUUIDFromBytes(c.name().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .append("\" name=\"").append(escape(c.name())).append("\" isCodable=\"true\"")
                    .append(c.color() == null ? "" : " color=\"" + c.color() + "\"").append(">");
            if (c.description() != null) {
                xml.append("<Description>").append(escape(c.description())).append("</Description>");
            }
            xml.append("</Code>");
        }
        return xml.append("</Codes></CodeBook>\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---- reading the file -------------------------------------------------------------------

    record Code(String name, String color, String description) {
    }

    static List<Code> codes(byte[] file) {
        if (file == null || file.length == 0) {
            throw ProblemException.badField("file", "is empty: choose a .qdc codebook or a .qdpx project");
        }
        if (file.length > MAX_BYTES) {
            throw ProblemException.badField("file", "is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        byte[] xml = file;
        if (file.length > 3 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4) {
            xml = projectOf(file);
        }
        Element root = parse(xml);
        String ns = root.getNamespaceURI();
        Element codeBook;
        if ("CodeBook".equals(root.getLocalName()) && (CODEBOOK_NS.equals(ns) || PROJECT_NS.equals(ns))) {
            codeBook = root;
        } else if ("Project".equals(root.getLocalName()) && PROJECT_NS.equals(ns)) {
            codeBook = child(root, "CodeBook");
            if (codeBook == null) {
                throw ProblemException.badField("file", "the project has no codebook");
            }
        } else {
            throw ProblemException.badField("file", "is not a REFI-QDA codebook (.qdc) or project (.qdpx): its root element is "
                    + root.getLocalName() + (ns == null ? "" : " in " + ns));
        }
        Element list = child(codeBook, "Codes");
        List<Code> codes = new ArrayList<>();
        if (list != null) {
            walk(list, "", codes);
        }
        if (codes.isEmpty()) {
            throw ProblemException.badField("file", "the codebook has no codes that can be applied");
        }
        if (codes.size() > MAX_CODES) {
            throw ProblemException.badField("file", "the codebook has more than " + MAX_CODES + " codes");
        }
        return codes;
    }

    private static void walk(Element parent, String path, List<Code> codes) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element code) || !"Code".equals(code.getLocalName())) {
                continue;
            }
            String name = code.getAttribute("name").strip().replaceAll("\\s+", " ");
            if (name.isEmpty()) {
                throw ProblemException.badField("file", "a code has no name");
            }
            String full = path.isEmpty() ? name : path + PATH_SEPARATOR + name;
            if (!"false".equals(code.getAttribute("isCodable").strip())) {
                Element description = child(code, "Description");
                codes.add(new Code(full, color(code.getAttribute("color")), description == null ? null : description.getTextContent()));
            }
            walk(code, full, codes);
        }
    }

    /** #RGB or #RRGGBB as #rrggbb; anything else as no colour. */
    static String color(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.matches("#[0-9a-f]{6}")) {
            return v;
        }
        if (v.matches("#[0-9a-f]{3}")) {
            return "#" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3) + v.charAt(3);
        }
        return null;
    }

    static String slug(String name) {
        String slug = TagService.slugOf(name);
        if (slug.length() > 64) {
            slug = slug.substring(0, 64).replaceAll("-+$", "");
        }
        return slug;
    }

    private static byte[] projectOf(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (e.getName().equals("project.qde")) {
                    return readAtMost(in, MAX_BYTES);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ProblemException.badField("file", "is not a readable .qdpx (ZIP) archive");
        }
        throw ProblemException.badField("file", "the .qdpx archive has no project.qde");
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] data = in.readNBytes(max + 1);
        if (data.length > max) {
            throw ProblemException.badField("file", "its project.qde is larger than 20 MB");
        }
        return data;
    }

    /** Parses without DTDs or external entities (no XXE), namespace-aware. */
    private static Element parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (SAXException e) {
            throw ProblemException.badField("file", "is not well-formed XML (" + abbreviate(e.getMessage()) + ")");
        } catch (IOException | ParserConfigurationException e) {
            throw ProblemException.badField("file", "could not be read");
        }
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 120 ? text.substring(0, 119) + "\u2026" : text;
    }
}
