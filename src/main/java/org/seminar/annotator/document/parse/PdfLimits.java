package org.seminar.annotator.document.parse;

import java.time.Duration;

/**
 * What reading one PDF may cost before {@link PdfArticleReader} gives up with {@link PdfArticleReader.TooLarge}. The
 * app takes them from its configuration ({@code annotator.pdf.*}, see {@code config.AnnotatorConfig.Pdf}); a file
 * of at most a few megabytes can otherwise ask for gigabytes of memory (a compressed stream that inflates a
 * thousandfold, twice over) or minutes of work.
 *
 * @param maxInflatedBytes decoded stream data the reader may produce in all (page contents, fonts, object and
 *        cross-reference streams; images are not decoded for their text and do not count)
 * @param maxPages pages read
 * @param maxObjects objects the file may declare (its cross-reference entries and the objects packed in its object
 *        streams)
 * @param maxCharacters characters of text read (each one is kept with its position until the layout is rebuilt)
 * @param maxTime wall time from the start of reading to the rebuilt structure
 */
public record PdfLimits(long maxInflatedBytes, int maxPages, int maxObjects, int maxCharacters, Duration maxTime) {

    public PdfLimits {
        if (maxInflatedBytes <= 0 || maxPages <= 0 || maxObjects <= 0 || maxCharacters <= 0 || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("every PDF limit must be positive: " + maxInflatedBytes + ", " + maxPages + ", "
                    + maxObjects + ", " + maxCharacters + ", " + maxTime);
        }
    }
}
