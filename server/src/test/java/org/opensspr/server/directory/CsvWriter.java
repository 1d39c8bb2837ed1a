package org.opensspr.server.directory;

import java.util.List;
import java.util.stream.Collectors;

/** Writes CSV as RFC 4180 does, for tests: the parser must read back exactly what this wrote. */
final class CsvWriter {
    private CsvWriter() {
    }

    static String write(List<List<String>> records, String lineBreak, boolean finalLineBreak) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.size() == 1 && record.getFirst().isEmpty()) {
                out.append("\"\""); // a lone empty value would read as an empty line
            } else {
                out.append(record.stream().map(CsvWriter::value).collect(Collectors.joining(",")));
            }
            if (i < records.size() - 1 || finalLineBreak) {
                out.append(lineBreak);
            }
        }
        return out.toString();
    }

    static String value(String value) {
        boolean quote = value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n' || c == '\uFEFF');
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
