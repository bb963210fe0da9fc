package org.seminar.annotator.document.parse;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFParser;

/**
 * PDFBox's parser with every stream measured by a {@link ReadBudget} as soon as it is parsed, before PDFBox can
 * decode it: cross-reference streams while the trailer is read (their entries counted too), every other stream
 * when its object is parsed (after decryption), and object streams counted by the objects they pack.
 *
 * <p>Use it strictly ({@code parse(false)}): the lenient mode repairs a broken file by a brute-force search that
 * decodes object streams with a parser of its own, past these checks. A PDF that only a repair could read is
 * refused with the advice to save it again.
 */
final class BoundedPdfParser extends PDFParser {

    private final ReadBudget budget;
    private boolean readingTrailer;
    private long crossReferenceEntries;
    private final Set<Long> objectStreams = new HashSet<>();

    BoundedPdfParser(byte[] pdf, ReadBudget budget) throws IOException {
        super(new RandomAccessReadBuffer(pdf));
        this.budget = budget;
    }

    @Override
    protected COSDictionary retrieveTrailer() throws IOException {
        readingTrailer = true;
        try {
            return super.retrieveTrailer();
        } finally {
            readingTrailer = false;
        }
    }

    @Override
    protected COSStream parseCOSStream(COSDictionary dictionary) throws IOException {
        COSStream stream = super.parseCOSStream(dictionary);
        if (readingTrailer && stream.containsKey(COSName.W)) {
            // a cross-reference stream: PDFBox decodes it and lists its entries at once
            long decoded = budget.measureCrossReference(stream);
            crossReferenceEntries += entries(stream, decoded);
            budget.requireObjects(crossReferenceEntries);
        }
        return stream;
    }

    /** The entries a cross-reference stream holds: as many as its index names and its data has room for. */
    private static long entries(COSStream stream, long decoded) {
        long width = 0;
        if (stream.getDictionaryObject(COSName.W) instanceof COSArray w) {
            for (int i = 0; i < w.size(); i++) {
                width += w.getObject(i) instanceof COSNumber n ? Math.max(0, n.longValue()) : 0;
            }
        }
        long indexed = 0;
        if (stream.getDictionaryObject(COSName.INDEX) instanceof COSArray index) {
            for (int i = 1; i < index.size(); i += 2) {
                indexed += index.getObject(i) instanceof COSNumber n ? Math.max(0, n.longValue()) : 0;
            }
        } else {
            indexed = Math.max(0, stream.getLong(COSName.SIZE, 0));
        }
        return width == 0 ? indexed : Math.min(indexed, decoded / width);
    }

    @Override
    protected synchronized COSBase parseObjectDynamically(COSObjectKey key, boolean requireExistingNotCompressedObj) throws IOException {
        budget.check();
        COSBase object = super.parseObjectDynamically(key, requireExistingNotCompressedObj);
        if (object instanceof COSStream stream) {
            budget.measure(stream);
        }
        return object;
    }

    @Override
    protected COSBase parseObjectStreamObject(long objectStreamNumber, COSObjectKey key) throws IOException {
        if (objectStreams.add(objectStreamNumber)
                && document.getObjectFromPool(getObjectKey(objectStreamNumber, 0)).getObject() instanceof COSStream objectStream) {
            budget.countPacked(objectStream); // before PDFBox parses all of them at once
        }
        return super.parseObjectStreamObject(objectStreamNumber, key);
    }
}
