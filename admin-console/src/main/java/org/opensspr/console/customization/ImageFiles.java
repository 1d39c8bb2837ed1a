package org.opensspr.console.customization;

import org.opensspr.api.UploadLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reading an image file to upload: PNG or JPEG recognized by its first bytes (not its name), within the server's limit. */
final class ImageFiles {

    /** Why a file can't be uploaded, said before anything is sent: a text key and its arguments. */
    static final class RefusedFileException extends IOException {
        private final String textKey;
        private final transient Object[] args;

        RefusedFileException(String textKey, Object... args) {
            super(textKey);
            this.textKey = textKey;
            this.args = args;
        }

        String textKey() {
            return textKey;
        }

        Object[] args() {
            return args.clone();
        }
    }

    record ImageFile(byte[] bytes, String mediaType) {
    }

    private ImageFiles() {
    }

    static ImageFile read(Path file) throws IOException {
        // The server refuses more (and reads no further); saying so before sending saves the administrator the wait.
        if (Files.size(file) > UploadLimits.BRANDING_IMAGE_BYTES) {
            throw new RefusedFileException("customization.image.tooBig",
                    UploadLimits.mebibytes(UploadLimits.BRANDING_IMAGE_BYTES));
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
