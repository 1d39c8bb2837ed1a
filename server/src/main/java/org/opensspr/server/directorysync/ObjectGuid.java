package org.opensspr.server.directorysync;

/** AD's objectGUID (16 bytes, the first three fields little-endian) in the form AD shows it. */
final class ObjectGuid {
    private ObjectGuid() {
    }

    static String text(byte[] b) {
        if (b.length != 16) {
            throw new IllegalArgumentException("a GUID has 16 bytes, not " + b.length);
        }
        return String.format("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    }
}
