package org.opensspr.server.kiosk;

import org.opensspr.api.ErrorCode;
import org.opensspr.policy.Cidr;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.NetworkGate;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Allowed kiosk networks (docs/design.md §17): when the policy lists CIDR ranges, kiosk-facing calls from any
 * other address get KIOSK_NETWORK_DENIED; an empty list allows every network. IPv4-mapped IPv6
 * addresses ({@code ::ffff:10.0.0.5}, what a dual-stack listener reports) count as the IPv4 address.
 * An address that can't be read, or a range that doesn't parse, allows nothing.
 */
public final class KioskNetworkGate implements NetworkGate {
    private final Supplier<SsprPolicy> policy;
    private final Predicate<Access> guarded;
    /** The last policy list and its parsed ranges: the policy changes rarely, calls come often. */
    private final AtomicReference<ParsedRanges> parsed = new AtomicReference<>(new ParsedRanges(List.of(), List.of()));

    /**
     * @param policy  the current policy, asked on every guarded call
     * @param guarded which routes are kiosk-facing (the server decides, e.g. kiosk routes and the reset flow)
     */
    public KioskNetworkGate(Supplier<SsprPolicy> policy, Predicate<Access> guarded) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.guarded = Objects.requireNonNull(guarded, "guarded");
    }

    /** Guards the routes only enrolled kiosks may call ({@link Access#KIOSK}). */
    public static KioskNetworkGate forKioskRoutes(Supplier<SsprPolicy> policy) {
        return new KioskNetworkGate(policy, access -> access instanceof Access.KioskDevice);
    }

    @Override
    public void check(Access access, String clientAddress) {
        if (guarded.test(access)) {
            requireAllowed(clientAddress);
        }
    }

    /** Refuses the address unless the policy allows kiosks there; for calls the route's access can't mark (enrollment). */
    public void requireAllowed(String clientAddress) {
        if (!allows(clientAddress)) {
            throw new ApiException(ErrorCode.KIOSK_NETWORK_DENIED, "Kiosks may not connect from this network ("
                    + printable(clientAddress) + "). Ask an administrator to add it to the allowed kiosk networks.");
        }
    }

    /** Whether a kiosk may connect from this address under the current policy. */
    public boolean allows(String clientAddress) {
        List<String> cidrs = policy.get().kioskNetworks().allowedCidrs();
        if (cidrs.isEmpty()) {
            return true;
        }
        InetAddress address = parseAddress(clientAddress);
        if (address == null) {
            return false;
        }
        for (Cidr range : ranges(cidrs)) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private List<Cidr> ranges(List<String> cidrs) {
        ParsedRanges last = parsed.get();
        if (last.source().equals(cidrs)) {
            return last.ranges();
        }
        List<Cidr> ranges = new ArrayList<>();
        for (String cidr : cidrs) {
            try {
                ranges.add(Cidr.parse(cidr));
            } catch (IllegalArgumentException invalid) {
                // The policy validator refuses such ranges; one that got in anyway allows nothing.
            }
        }
        ParsedRanges fresh = new ParsedRanges(List.copyOf(cidrs), List.copyOf(ranges));
        parsed.set(fresh);
        return fresh.ranges();
    }

    /**
     * The client's address without DNS: brackets and an IPv6 zone ({@code %eth0}) are dropped, and an
     * IPv4-mapped IPv6 address becomes the IPv4 address. Null when it isn't an address literal.
     */
    public static InetAddress parseAddress(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        int zone = value.indexOf('%');
        if (zone >= 0) {
            value = value.substring(0, zone);
        }
        // IPv4 as four numbers only: the JDK also reads shorthand like "10.0.0", which no socket reports.
        boolean ipv4 = value.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        if (!ipv4 && !value.matches("[0-9A-Fa-f.:]*:[0-9A-Fa-f.:]*")) {
            return null;
        }
        try {
            InetAddress address = InetAddress.ofLiteral(value);
            return address instanceof Inet6Address v6 ? unmapped(v6) : address;
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    /** The JDK already reads "::ffff:a.b.c.d" as IPv4; this covers mapped addresses built any other way. */
    private static InetAddress unmapped(Inet6Address address) {
        byte[] bytes = address.getAddress();
        boolean mapped = Arrays.equals(Arrays.copyOfRange(bytes, 0, 10), new byte[10])
                && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        if (!mapped) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    private static String printable(String address) {
        if (address == null) {
            return "unknown address";
        }
        // Only what an address can look like is echoed back.
        String stripped = address.strip();
        return stripped.matches("[0-9A-Za-z.:%\\[\\]]{1,64}") ? stripped : "unknown address";
    }

    private record ParsedRanges(List<String> source, List<Cidr> ranges) {
    }
}
