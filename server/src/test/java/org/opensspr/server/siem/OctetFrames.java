package org.opensspr.server.siem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a stream of RFC 5425 frames ({@code MSG-LEN SP SYSLOG-MSG}) back into messages, as a receiver does. */
final class OctetFrames {
    private OctetFrames() {
    }

    static List<byte[]> split(byte[] stream) {
        List<byte[]> messages = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            int space = at;
            while (stream[space] != ' ') {
                if (stream[space] < '0' || stream[space] > '9' || space - at > 9) {
                    throw new IllegalArgumentException("Not a frame length at octet " + at);
                }
                space++;
            }
            String digits = new String(stream, at, space - at, StandardCharsets.US_ASCII);
            if (digits.isEmpty() || digits.startsWith("0")) {
                throw new IllegalArgumentException("MSG-LEN is a NONZERO-DIGIT followed by digits: '" + digits + "'");
            }
            int length = Integer.parseInt(digits);
            messages.add(Arrays.copyOfRange(stream, space + 1, space + 1 + length));
            at = space + 1 + length;
        }
        return messages;
    }
}
