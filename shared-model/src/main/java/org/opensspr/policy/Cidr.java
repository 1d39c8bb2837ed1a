package org.opensspr.policy;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}). Parsing never
 * touches DNS: only address literals are accepted. Host bits must be zero, so what an admin typed is
 * exactly the network that is allowed.
 */
public record Cidr(byte[] network, int prefixLength) {
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.:]*:[0-9A-Fa-f.:]*");

    public Cidr {
        network = network.clone();
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    /** Parses {@code address/prefix}; a bare address means a single host. */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A network range is empty");
        }
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        byte[] bytes = literal(address, text);
        int maxPrefix = bytes.length * 8;
        int prefix = slash < 0 ? maxPrefix : prefix(value.substring(slash + 1), maxPrefix, text);
        if (!hostBitsZero(bytes, prefix)) {
            throw new IllegalArgumentException("'" + text + "' has host bits set after /" + prefix
                    + "; write the network address of the range");
        }
        return new Cidr(bytes, prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefixLength == that.prefixLength && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] literal(String address, String original) {
        // Dotted quads only: the JDK also takes shorthand like "10.0.0", which nobody means in a range.
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            throw new IllegalArgumentException("'" + original + "' is not an IPv4 or IPv6 network in CIDR notation");
        }
        try {
            return InetAddress.ofLiteral(address).getAddress();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + original + "' is not an IPv4 or IPv6 network in CIDR notation");
        }
    }

    private static int prefix(String digits, int maxPrefix, String original) {
        if (!digits.matches("[0-9]{1,3}") || Integer.parseInt(digits) > maxPrefix) {
            throw new IllegalArgumentException("'" + original + "' needs a prefix length from 0 to " + maxPrefix);
        }
        return Integer.parseInt(digits);
    }

    private static boolean hostBitsZero(byte[] bytes, int prefix) {
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return false;
            }
        }
        return true;
    }
}
