package org.opensspr.server.directory;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 defines it: records separated by line breaks, values by commas; a value in
 * double quotes may hold commas, line breaks and doubled quotes ({@code ""} for one {@code "}). Also
 * accepted: LF or a lone CR as the line break, a UTF-8 byte order mark at the start and no line break
 * after the last record. A quote inside an unquoted value, text after a closing quote and an unclosed
 * quote are errors, reported with their line.
 */
public final class CsvParser {
    private static final char BOM = '\uFEFF';

    private final String text;
    private int position;
    private int line = 1;

    private CsvParser(String text) {
        this.text = text;
        this.position = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
    }

    public static List<CsvRecord> parse(String text) throws CsvSyntaxException {
        return new CsvParser(text).records();
    }

    private List<CsvRecord> records() throws CsvSyntaxException {
        List<CsvRecord> records = new ArrayList<>();
        while (position < text.length()) {
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            boolean more = true;
            while (more) {
                fields.add(atQuote() ? quotedValue() : plainValue());
                more = atComma();
                if (more) {
                    position++;
                } else {
                    skipLineBreak();
                }
            }
            records.add(new CsvRecord(recordLine, fields));
        }
        return records;
    }

    private String plainValue() throws CsvSyntaxException {
        int start = position;
        while (position < text.length() && !atComma() && !atLineBreak()) {
            if (text.charAt(position) == '"') {
                throw new CsvSyntaxException(line, "A quote inside an unquoted value: put the whole value in quotes"
                        + " and double the quotes inside it.");
            }
            position++;
        }
        return text.substring(start, position);
    }

    private String quotedValue() throws CsvSyntaxException {
        int openedOn = line;
        StringBuilder value = new StringBuilder();
        position++; // the opening quote
        while (true) {
            if (position >= text.length()) {
                throw new CsvSyntaxException(openedOn, "A quoted value is not closed.");
            }
            char c = text.charAt(position);
            if (c == '"') {
                if (position + 1 < text.length() && text.charAt(position + 1) == '"') {
                    value.append('"');
                    position += 2;
                    continue;
                }
                position++; // the closing quote
                break;
            }
            if (c == '\n' || (c == '\r' && !followedByLf())) {
                line++;
            }
            value.append(c);
            position++;
        }
        if (position < text.length() && !atComma() && !atLineBreak()) {
            throw new CsvSyntaxException(line, "Text after a closing quote: a quoted value ends at a comma or a line end."
                    + (openedOn == line ? "" : " (This quoted value began on line " + openedOn + ".)"));
        }
        return value.toString();
    }

    private void skipLineBreak() {
        if (position < text.length()) {
            position += text.charAt(position) == '\r' && followedByLf() ? 2 : 1;
            line++;
        }
    }

    private boolean atQuote() {
        return position < text.length() && text.charAt(position) == '"';
    }

    private boolean atComma() {
        return position < text.length() && text.charAt(position) == ',';
    }

    private boolean atLineBreak() {
        char c = text.charAt(position);
        return c == '\n' || c == '\r';
    }

    private boolean followedByLf() {
        return position + 1 < text.length() && text.charAt(position + 1) == '\n';
    }
}
