package org.seminar.annotator.document.parse.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A page as a grey image for OCR, within bounds: the text reader never decodes images, so before a page is drawn its
 * images are checked here: their declared size ({@link #MAX_IMAGE_PIXELS} in all) and that their compressed data does not
 * inflate past that size (a small file can hold an image stream that decodes to gigabytes).
 */
final class PageImages {

    /** Tesseract reads print best at 300 dpi (its documentation's advice); scans are mostly made at 300. */
    static final float DPI = 300;
    /** Pixels of one drawn page: Letter or A4 at 300 dpi has 8.4-8.7 million; a larger page is drawn at a lower dpi. */
    static final long MAX_RENDER_PIXELS = 16_000_000;
    /** Pixels of the images one page holds, in all: a 600 dpi colour scan of an A4 page has 35 million. */
    static final long MAX_IMAGE_PIXELS = 60_000_000;
    /** Bytes per pixel an image's data may decode to (four 8-bit components, CMYK), before it counts as inflating. */
    private static final long BYTES_PER_PIXEL = 4;
    private static final long SLACK = 64 * 1024;
    /** Forms inside forms followed to find a page's images. */
    private static final int MAX_DEPTH = 4;

    private PageImages() {
    }

    /** The pixels of the page's images, as they declare them. */
    static long pixels(PDPage page) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        collect(page.getResources(), 0, images, Collections.newSetFromMap(new IdentityHashMap<>()));
        return images.stream().mapToLong(i -> (long) Math.max(0, i.getWidth()) * Math.max(0, i.getHeight())).sum();
    }

    /** The page's images, after checking their size and data; throws {@link OcrException} when one is out of bounds. */
    static void requireBounded(PDPage page, int number) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        collect(page.getResources(), 0, images, Collections.newSetFromMap(new IdentityHashMap<>()));
        long pixels = 0;
        for (PDImageXObject image : images) {
            pixels += (long) Math.max(0, image.getWidth()) * Math.max(0, image.getHeight());
        }
        if (pixels > MAX_IMAGE_PIXELS) {
            throw new OcrException("page " + number + " holds images of " + pixels / 1_000_000 + " million pixels; at most "
                    + MAX_IMAGE_PIXELS / 1_000_000 + " million are read with OCR (scan at 300 dpi)");
        }
        for (PDImageXObject image : images) {
            long declared = (long) image.getWidth() * image.getHeight() * BYTES_PER_PIXEL + SLACK;
            requireInflatesWithin(image.getCOSObject(), declared, number);
            if (image.getCOSObject().getCOSDictionary(COSName.SMASK) instanceof COSStream mask) {
                requireInflatesWithin(mask, declared, number);
            }
        }
    }

    /** The images in the resources and in the forms they hold. */
    private static void collect(PDResources resources, int depth, List<PDImageXObject> images, Set<COSBase> seen) throws IOException {
        if (resources == null || depth > MAX_DEPTH) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object == null || !seen.add(object.getCOSObject())) {
                continue;
            }
            if (object instanceof PDImageXObject image) {
                images.add(image);
            } else if (object instanceof PDFormXObject form) {
                collect(form.getResources(), depth + 1, images, seen);
            }
        }
    }

    /** Runs the stream's filters up to the first image codec (whose output its dimensions bound), each within {@code bound}. */
    private static void requireInflatesWithin(COSStream stream, long bound, int page) throws IOException {
        List<COSName> names = new ArrayList<>();
        COSBase filters = stream.getFilters();
        if (filters instanceof COSName name) {
            names.add(name);
        } else if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        byte[] data = null;
        for (int i = 0; i < names.size(); i++) {
            COSName name = names.get(i);
            if (isImageCodec(name)) {
                return;
            }
            Filter filter = FilterFactory.INSTANCE.getFilter(name);
            boolean last = i == names.size() - 1 || isImageCodec(names.get(i + 1));
            // the last stage is only counted; a stage before it is held, as the renderer holds it
            Bounded out = new Bounded(bound, page, !last);
            try (InputStream in = data == null ? stream.createRawInputStream() : new java.io.ByteArrayInputStream(data)) {
                filter.decode(in, out, stream, i);
            } catch (IOException broken) {
                return; // the renderer meets the same error and draws what it can
            }
            if (last) {
                return;
            }
            data = out.toByteArray();
        }
    }

    private static boolean isImageCodec(COSName name) {
        return name.equals(COSName.DCT_DECODE) || name.equals(COSName.DCT_DECODE_ABBREVIATION) || name.equals(COSName.JPX_DECODE)
                || name.equals(COSName.CCITTFAX_DECODE) || name.equals(COSName.CCITTFAX_DECODE_ABBREVIATION) || name.equals(COSName.JBIG2_DECODE);
    }

    /** A decoding stage, counted and refused past its bound; held in memory only when {@code held}. */
    private static final class Bounded extends ByteArrayOutputStream {
        private final long bound;
        private final int page;
        private final boolean held;
        private long counted;

        Bounded(long bound, int page, boolean held) {
            super(held ? 8192 : 0);
            this.bound = bound;
            this.page = page;
            this.held = held;
        }

        @Override
        public synchronized void write(int b) {
            room(1);
            if (held) {
                super.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            room(len);
            if (held) {
                super.write(b, off, len);
            }
        }

        private void room(int more) {
            counted += more;
            if (counted > bound) {
                throw new OcrException("page " + page + " holds an image whose data inflates past the " + String.format(java.util.Locale.ENGLISH, "%,d bytes", bound)
                        + " its size allows; it is not read");
            }
        }
    }

    /** The dpi the page is drawn at: {@link #DPI}, or less for a page too large to draw at it within {@link #MAX_RENDER_PIXELS}. */
    static float dpi(PDPage page) {
        double inches = page.getCropBox().getWidth() / 72.0 * (page.getCropBox().getHeight() / 72.0);
        double fitting = inches <= 0 ? DPI : Math.sqrt(MAX_RENDER_PIXELS / inches);
        return (float) Math.min(DPI, Math.floor(fitting));
    }

    /** Draws page {@code index} in grey at {@code dpi} and writes it as a binary PGM, which Tesseract reads without decoding. */
    static BufferedImage render(PDFRenderer renderer, int index, float dpi, Path pgm) throws IOException {
        BufferedImage image = renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(pgm), 1 << 16)) {
            out.write(("P5\n" + image.getWidth() + " " + image.getHeight() + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            int stride = image.getRaster().getSampleModel() instanceof java.awt.image.ComponentSampleModel m ? m.getScanlineStride()
                    : image.getWidth();
            for (int y = 0; y < image.getHeight(); y++) {
                out.write(pixels, y * stride, image.getWidth());
            }
        }
        return image;
    }
}
