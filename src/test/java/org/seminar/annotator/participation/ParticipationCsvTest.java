package org.seminar.annotator.participation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The grade-book CSV: the header scripts read, and cells a spreadsheet would evaluate neutralised by the report's one rule. */
class ParticipationCsvTest {

    @Test
    void neutralisesFormulaCellsAndKeepsTheColumns() throws Exception {
        var row = new ParticipationViews.ReviewerRow("reviewer1", "=HYPERLINK(\"http://evil\")", "+1@example.org", 3, 2, 1, 15, 2, 20,
                Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-02T11:30:00Z"), true, null);
        String csv = ParticipationCsv.of(List.of(new ParticipationViews.GroupParticipation("-group", false, false, List.of(row))), true);
        assertEquals('\uFEFF', csv.charAt(0), "the BOM for Excel");
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
        assertEquals(ParticipationCsv.HEADER, records.get(0).toList());
        assertEquals(List.of("reviewer1", "'=HYPERLINK(\"http://evil\")", "'+1@example.org", "3", "2", "1", "15", "2", "2026-12-01T10:00:00Z",
                "2026-12-02T11:30:00Z", "true", "", "'-group", "20"), records.get(1).toList());
    }
}
