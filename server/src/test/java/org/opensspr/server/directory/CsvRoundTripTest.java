package org.opensspr.server.directory;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever values are written as RFC 4180 CSV, with any line break, read back the same. */
class CsvRoundTripTest {

    @Property(tries = 500)
    void valuesFullOfSeparatorsAndQuotesRoundTrip(@ForAll("tricky") List<@NotEmpty @Size(max = 5) List<String>> records,
                                                  @ForAll("lineBreaks") String lineBreak, @ForAll boolean finalBreak)
            throws Exception {
        assertRoundTrip(records, lineBreak, finalBreak);
    }

    @Property(tries = 300)
    void anyUnicodeTextRoundTrips(@ForAll @Size(max = 8) List<@NotEmpty @Size(max = 6) List<String>> records,
                                  @ForAll("lineBreaks") String lineBreak, @ForAll boolean finalBreak) throws Exception {
        assertRoundTrip(records, lineBreak, finalBreak);
    }

    private static void assertRoundTrip(List<List<String>> records, String lineBreak, boolean finalBreak)
            throws CsvSyntaxException {
        String text = CsvWriter.write(records, lineBreak, finalBreak);

        List<CsvRecord> read = CsvParser.parse(text);

        assertThat(read).extracting(CsvRecord::fields).isEqualTo(records);
        assertThat(CsvParser.parse("\uFEFF" + text)).as("with a byte order mark").extracting(CsvRecord::fields)
                .isEqualTo(records);
    }

    @Provide
    Arbitrary<List<List<String>>> tricky() {
        Arbitrary<String> values = Arbitraries.strings().withChars(",\"\r\n\uFEFF ;aé€").ofMaxLength(8);
        return values.list().ofMinSize(1).ofMaxSize(5).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> lineBreaks() {
        return Arbitraries.of("\r\n", "\n", "\r");
    }
}
