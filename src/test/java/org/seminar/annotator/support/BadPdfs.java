package org.seminar.annotator.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * PDFs an import must refuse without harm: a bomb (a small file whose content inflates to hundreds of megabytes),
 * one with more pages than are read, and articles whose text is set in a font without a Unicode map (the text
 * layer extracts as control characters). Built here with PDFBox, in well under a second each.
 */
public final class BadPdfs {

    private BadPdfs() {
    }

    /** Body text for the plain articles: sentences of ordinary words. */
    private static final String SENTENCE = "Small states rarely choose their neighbours, yet they choose how close to stand to them. ";

    /**
     * The journal article with one more content stream on its first page: {@code inflated} bytes of spaces,
     * Flate-compressed (about a thousandfold: 200 MB become about 200 KB). Every reader that decodes it holds it whole.
     */
    public static byte[] bomb(JournalPdf article, long inflated) {
        try (PDDocument doc = Loader.loadPDF(article.render())) {
            PDPage page = doc.getPage(0);
            COSStream bomb = doc.getDocument().createCOSStream();
            bomb.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            try (OutputStream raw = bomb.createRawOutputStream();
                    DeflaterOutputStream zip = new DeflaterOutputStream(raw, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
                for (long written = 0; written < inflated; written += spaces.length) {
                    zip.write(spaces, 0, (int) Math.min(spaces.length, inflated - written));
                }
            }
            COSArray contents = new COSArray();
            contents.add(page.getCOSObject().getDictionaryObject(COSName.CONTENTS));
            contents.add(bomb);
            page.getCOSObject().setItem(COSName.CONTENTS, contents);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short article on its first page followed by blank pages, {@code pages} in all (the blank pages share one content stream). */
    public static byte[] pages(int pages) {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font roman = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            plainArticlePage(doc, roman, null, 0);
            COSStream blank = doc.getDocument().createCOSStream();
            try (OutputStream out = blank.createOutputStream()) {
                out.write("q Q\n".getBytes(StandardCharsets.US_ASCII));
            }
            for (int p = 2; p <= pages; p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                page.getCOSObject().setItem(COSName.CONTENTS, blank);
                doc.addPage(page);
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A plain article: page 1 readable, then {@code unreadablePages} pages set in a font without a Unicode map whose
     * letters are codes 1-26 (extracted, they come out as control characters U+0001-U+001A).
     */
    public static byte[] withUnreadablePages(int unreadablePages) {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font roman = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            PDFont cipher = fontWithoutUnicode();
            plainArticlePage(doc, roman, null, 0);
            for (int p = 0; p < unreadablePages; p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                    out.beginText();
                    out.setFont(cipher, 10);
                    out.setLeading(13);
                    out.newLineAtOffset(72, 720);
                    for (int line = 0; line < 40; line++) {
                        out.appendRawCommands("<" + ciphered("the text of this page cannot be read without its map") + "> Tj T*\n");
                    }
                    out.endText();
                }
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain readable article of one page with one word ({@code stray}) set in a font without a Unicode map. */
    public static byte[] withStrayUnreadableGlyph(String stray) {
        try (PDDocument doc = new PDDocument()) {
            plainArticlePage(doc, new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), fontWithoutUnicode(), stray.length());
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helvetica with codes 1-31 renamed to glyph names no list knows ({@code /g1} … {@code /g31}) and no ToUnicode map. */
    private static PDFont fontWithoutUnicode() throws IOException {
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE1);
        font.setName(COSName.BASE_FONT, "Helvetica");
        COSArray differences = new COSArray();
        differences.add(COSInteger.get(1));
        COSArray widths = new COSArray();
        for (int code = 1; code <= 31; code++) {
            differences.add(COSName.getPDFName("g" + code));
            widths.add(COSInteger.get(520));
        }
        COSDictionary encoding = new COSDictionary();
        encoding.setItem(COSName.TYPE, COSName.ENCODING);
        encoding.setItem(COSName.DIFFERENCES, differences);
        font.setItem(COSName.ENCODING, encoding);
        font.setInt(COSName.FIRST_CHAR, 1);
        font.setInt(COSName.LAST_CHAR, 31);
        font.setItem(COSName.WIDTHS, widths);
        return new PDType1Font(font);
    }

    /** Letters as codes 1-26, spaces as the space. */
    private static String ciphered(String text) {
        StringBuilder hex = new StringBuilder();
        for (char c : text.toCharArray()) {
            hex.append(String.format("%02X", c == ' ' ? 0x20 : c - 'a' + 1));
        }
        return hex.toString();
    }

    /** Page 1: a title and three paragraphs in Times; with {@code stray} > 0, that many ciphered letters in the second. */
    private static void plainArticlePage(PDDocument doc, PDFont roman, PDFont cipher, int stray) throws IOException {
        PDPage page = new PDPage(PDRectangle.LETTER);
        doc.addPage(page);
        PDFont bold = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
        try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
            out.beginText();
            out.setFont(bold, 18);
            out.newLineAtOffset(72, 700);
            out.showText("A Plain Article About Small States");
            out.setFont(roman, 10);
            out.setLeading(13);
            for (int paragraph = 0; paragraph < 3; paragraph++) {
                out.newLineAtOffset(0, -30);
                for (int line = 0; line < 6; line++) {
                    if (paragraph == 1 && line == 2 && stray > 0) {
                        out.showText("They call it ");
                        out.setFont(cipher, 10);
                        out.appendRawCommands("<" + ciphered("x".repeat(stray)) + "> Tj\n");
                        out.setFont(roman, 10);
                        out.showText(" in their own words.");
                    } else {
                        out.showText(SENTENCE.strip());
                    }
                    out.newLine();
                }
            }
            out.endText();
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.save(bytes);
        return bytes.toByteArray();
    }
}
