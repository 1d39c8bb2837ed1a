package org.opensspr.server.crypto;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 base32 (alphabet {@code A-Z 2-7}), as authenticator apps expect TOTP secrets. Encodes
 * without padding (as otpauth URIs carry it); decodes upper or lower case, with or without the
 * trailing {@code =} padding, and refuses anything else, including non-zero leftover bits.
 */
public final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 0x1F));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1F));
        }
        return out.toString();
    }

    /** With the padding RFC 4648 specifies: a multiple of 8 characters. */
    public static String encodePadded(byte[] data) {
        StringBuilder out = new StringBuilder(encode(data));
        while (out.length() % 8 != 0) {
            out.append('=');
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException for a character outside the alphabet or an impossible length */
    public static byte[] decode(String text) {
        String body = stripPadding(text);
        // Lengths that leave 1, 3 or 6 characters in the last group can't come from whole bytes.
        int rest = body.length() % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            throw new IllegalArgumentException("Not base32: impossible length " + body.length());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < body.length(); i++) {
            int value = valueOf(body.charAt(i));
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xFF);
                bits -= 8;
            }
            buffer &= (1 << bits) - 1;
        }
        if (buffer != 0) {
            throw new IllegalArgumentException("Not base32: the last character has bits beyond the data");
        }
        return out.toByteArray();
    }

    private static String stripPadding(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        int padding = text.length() - end;
        if (padding > 0 && (text.length() % 8 != 0 || padding > 6)) {
            throw new IllegalArgumentException("Not base32: wrong padding");
        }
        return text.substring(0, end);
    }

    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        throw new IllegalArgumentException("Not base32: character U+" + String.format("%04X", (int) c));
    }
}
