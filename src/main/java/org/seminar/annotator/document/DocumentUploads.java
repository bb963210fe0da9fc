package org.seminar.annotator.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.seminar.annotator.document.parse.ArticleParser;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;
import org.seminar.annotator.web.TextRules;

/** Checks an uploaded text before anything is stored, then imports it. */
@ApplicationScoped
public class DocumentUploads {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int MAX_TITLE_CHARS = 300;

    @Inject
    DocumentImporter importer;

    /** Validates and imports; every refusal is a problem naming the field, and stores nothing. */
    public String upload(byte[] body, boolean printExtraction, String importedBy) {
        String text = validText(body);
        ArticleParser.Source source = printExtraction ? ArticleParser.Source.PRINT_EXTRACTION : ArticleParser.Source.CLEAN;
        return importer.importText(text, source, null, importedBy);
    }

    static String validText(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.badField("body", "is empty: send the document's text");
        }
        if (body.length > MAX_BYTES) {
            throw new ProblemException(413, "Document too large", "body: is larger than 5 MB",
                    List.of(new Problem.FieldError("body", "is larger than 5 MB")));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badField("body", "is not UTF-8 text (binary files cannot be imported)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // a form feed is how text extracted from print marks a page break: it is a line break here
        text = text.replace('\f', '\n');
        long control = text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t').count();
        if (text.indexOf('\0') >= 0 || control > Math.max(3, text.length() / 100)) {
            throw ProblemException.badField("body", "is not plain text (binary content)");
        }
        TextRules.require("body", text);
        if (text.isBlank()) {
            throw ProblemException.badField("body", "is empty: send the document's text");
        }
        String title = text.strip().lines().findFirst().orElse("").replaceFirst("^#+\\s*", "").strip();
        if (title.isEmpty() || title.length() > MAX_TITLE_CHARS) {
            throw ProblemException.badField("title", "the first non-empty line must be the title (at most 300 characters)");
        }
        String afterTitle = text.strip().substring(text.strip().indexOf('\n') < 0 ? text.strip().length() : text.strip().indexOf('\n'));
        if (afterTitle.isBlank()) {
            throw ProblemException.badField("body", "has no text after the title");
        }
        return text;
    }
}
