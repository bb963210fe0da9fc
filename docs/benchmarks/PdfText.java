import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text layer of a PDF as a plain extraction gives it (page breaks as form feeds): the text import's input. */
public class PdfText {
    public static void main(String[] args) throws Exception {
        try (var doc = Loader.loadPDF(Files.readAllBytes(Path.of(args[0])))) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setPageEnd("\f");
            System.out.print(stripper.getText(doc));
        }
    }
}
