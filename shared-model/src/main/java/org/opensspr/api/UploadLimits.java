package org.opensspr.api;

/**
 * How large an upload may be. The server's routes refuse more with {@link ErrorCode#PAYLOAD_TOO_LARGE},
 * and clients check a file against the same number before sending it, so the two can't drift apart.
 */
public final class UploadLimits {
    private static final int MIB = 1024 * 1024;

    /** A branding image ({@link ApiPaths#BRANDING_ASSETS}): raw PNG or JPEG bytes. */
    public static final int BRANDING_IMAGE_BYTES = 5 * MIB;

    /** A CSV file of users to import ({@link ApiPaths#USERS}{@code /import}). */
    public static final int USER_IMPORT_BYTES = 16 * MIB;

    private UploadLimits() {
    }

    /** A limit in whole mebibytes, as people read file sizes ("5" for 5 MiB). */
    public static int mebibytes(int bytes) {
        return bytes / MIB;
    }
}
