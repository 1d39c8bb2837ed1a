package org.opensspr.server.directory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvParserTest {

    @Test
    void readsQuotedValuesWithCommasLineBreaksAndDoubledQuotes() throws Exception {
        List<CsvRecord> records = CsvParser.parse("\uFEFFa,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nlast,,\n");

        assertThat(records).containsExactly(
                new CsvRecord(1, List.of("a", "b", "c")),
                new CsvRecord(2, List.of("x,1", "say \"hi\"", "two\r\nlines")),
                new CsvRecord(4, List.of("last", "", "")));
    }

    @Test
    void countsLinesForEveryKindOfLineBreakAndKeepsEmptyLinesAsBlankRecords() throws Exception {
        List<CsvRecord> records = CsvParser.parse("h\n\nx\ry\r\n\"multi\nline\"\nz");

        assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 3, 4, 5, 7);
        assertThat(records.get(1).isBlank()).isTrue();
        assertThat(records.get(5).fields()).containsExactly("z");
    }

    @Test
    void anEmptyTextHasNoRecordsAndAByteOrderMarkAloneNeither() throws Exception {
        assertThat(CsvParser.parse("")).isEmpty();
        assertThat(CsvParser.parse("\uFEFF")).isEmpty();
        assertThat(CsvParser.parse("\"\"")).containsExactly(new CsvRecord(1, List.of("")));
    }

    @ParameterizedTest(name = "{0} -> line {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a,b\\nc,"d\\ne                | 2 | A quoted value is not closed.
            a,b\\nc,d"e                   | 2 | A quote inside an unquoted value
            a\\n"x\\ny"z,b                | 3 | Text after a closing quote
            "ok"\\n"also ok" ,b           | 2 | Text after a closing quote
            """)
    void reportsSyntaxErrorsWithTheirLine(String text, int line, String message) {
        String csv = text.strip().replace("\\n", "\n");
        assertThatThrownBy(() -> CsvParser.parse(csv)).isInstanceOfSatisfying(CsvSyntaxException.class, e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.getMessage()).startsWith(message);
        });
    }
}
