package org.opensspr.console.protection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading a banned-terms text file: UTF-8, one term per line; blank lines and surrounding spaces don't count. */
public final class BannedTermsImport {
    /** Far above 1000 terms of 16 characters; a bigger file is the wrong file. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    /** How an import went: what was added, and what was left out and why. */
    public record Result(int added, int duplicates, int wrongLength, int overLimit) {
        public int skipped() {
            return duplicates + wrongLength + overLimit;
        }
    }

    /** The file is not a text file this import can read (too big, or not UTF-8). */
    public static final class UnreadableFileException extends IOException {
        private final boolean tooBig;

        UnreadableFileException(boolean tooBig, Throwable cause) {
            super(tooBig ? "file too big" : "not UTF-8 text", cause);
            this.tooBig = tooBig;
        }

        public boolean tooBig() {
            return tooBig;
        }
    }

    private BannedTermsImport() {
    }

    /** Any thread: the terms in {@code file}, in file order, duplicates and all (the model decides). */
    public static List<String> readTerms(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new UnreadableFileException(true, null);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException(false, e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark some editors write
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
