package org.opensspr.console.customization;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reading an image file to upload: PNG or JPEG recognized by its first bytes (not its name), within the server's limit. */
final class ImageFiles {
    /** The server refuses more; saying so before uploading saves a slow round trip. */
    static final long MAX_BYTES = 5L * 1024 * 1024;

    /** Why a file can't be uploaded, said before anything is sent. */
    static final class RefusedFileException extends IOException {
        private final String textKey;

        RefusedFileException(String textKey) {
            super(textKey);
            this.textKey = textKey;
        }

        String textKey() {
            return textKey;
        }
    }

    record ImageFile(byte[] bytes, String mediaType) {
    }

    private ImageFiles() {
    }

    static ImageFile read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new RefusedFileException("customization.image.tooBig");
        }
        byte[] bytes = Files.readAllBytes(file);
        return new ImageFile(bytes, mediaType(bytes)
                .orElseThrow(() -> new RefusedFileException("customization.image.notAnImage")));
    }

    static Optional<String> mediaType(byte[] bytes) {
        if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return Optional.of("image/png");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }
}
