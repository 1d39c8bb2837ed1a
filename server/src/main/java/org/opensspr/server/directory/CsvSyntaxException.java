package org.opensspr.server.directory;

/** The text is not CSV as RFC 4180 writes it; {@link #line()} says where (from 1). */
public final class CsvSyntaxException extends Exception {
    private final int line;

    public CsvSyntaxException(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
