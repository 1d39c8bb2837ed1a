package org.opensspr.server.kiosk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensspr.api.ErrorCode;
import org.opensspr.directory.Permission;
import org.opensspr.policy.KioskNetworkPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiException;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KioskNetworkGateTest {

    private static SsprPolicy allowing(String cidrs) {
        List<String> ranges = cidrs == null ? List.of() : Arrays.stream(cidrs.split(" ")).filter(s -> !s.isBlank()).toList();
        return SsprPolicy.defaults().withKioskNetworks(new KioskNetworkPolicy(ranges));
    }

    @ParameterizedTest(name = "[{0}] {1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            # allowed ranges (space-separated) | client address          | allowed
            NULL                               | 203.0.113.7              | true
            NULL                               | not-an-address           | true
            10.0.0.0/8                         | 10.1.2.3                 | true
            10.0.0.0/8                         | 11.0.0.1                 | false
            10.0.0.0/8                         | ::ffff:10.0.0.5          | true
            10.0.0.0/8                         | [::ffff:10.0.0.5]        | true
            10.0.0.0/8                         | 0:0:0:0:0:ffff:a00:5     | true
            10.0.0.0/8                         | ::ffff:11.0.0.5          | false
            192.168.1.0/24                     | 192.168.1.255            | true
            192.168.1.0/24                     | 192.168.2.0              | false
            192.168.1.128/25                   | 192.168.1.127            | false
            127.0.0.1                          | 127.0.0.1                | true
            127.0.0.1                          | 127.0.0.2                | false
            0.0.0.0/0                          | 198.51.100.1             | true
            ::/0                               | 10.0.0.5                 | false
            10.0.0.0/8 2001:db8::/32           | 2001:db8::1              | true
            10.0.0.0/8 2001:db8::/32           | 2001:0DB8:0:0:0:0:0:2    | true
            2001:db8::/32                      | 2001:db9::1              | false
            fe80::/10                          | fe80::1%eth0             | true
            fe80::/10                          | [fe80::1%25eth0]         | true
            ::1                                | 0:0:0:0:0:0:0:1          | true
            10.0.0.0/8                         | not-an-address           | false
            10.0.0.0/8                         | ''                       | false
            10.0.0.0/8                         | NULL                     | false
            10.0.0.0/8                         | 10.0.0                   | false
            10.0.0.0/8                         | localhost                | false
            not-a-range 10.0.0.0/8             | 10.0.0.1                 | true
            not-a-range                        | 10.0.0.1                 | false
            """)
    void aKioskConnectsOnlyFromAnAllowedNetwork(String ranges, String address, boolean allowed) {
        KioskNetworkGate gate = KioskNetworkGate.forKioskRoutes(() -> allowing(ranges));

        assertThat(gate.allows(address)).isEqualTo(allowed);
        if (allowed) {
            assertThatCode(() -> gate.check(Access.KIOSK, address)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> gate.check(Access.KIOSK, address)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.KIOSK_NETWORK_DENIED));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PUBLIC          | false
            ANY_ADMIN       | false
            MANAGE_KIOSKS   | false
            KIOSK           | true
            """)
    void onlyKioskRoutesAreGuardedByDefault(String accessName, boolean guarded) {
        Access access = switch (accessName) {
            case "PUBLIC" -> Access.PUBLIC;
            case "ANY_ADMIN" -> Access.ANY_ADMIN;
            case "KIOSK" -> Access.KIOSK;
            default -> Access.admin(Permission.valueOf(accessName));
        };
        KioskNetworkGate gate = KioskNetworkGate.forKioskRoutes(() -> allowing("10.0.0.0/8"));

        if (guarded) {
            assertThatThrownBy(() -> gate.check(access, "192.0.2.1")).isInstanceOf(ApiException.class);
        } else {
            assertThatCode(() -> gate.check(access, "192.0.2.1")).doesNotThrowAnyException();
        }
    }

    @Test
    void theServerChoosesWhichRoutesAreKioskFacing() {
        KioskNetworkGate gate = new KioskNetworkGate(() -> allowing("10.0.0.0/8"),
                access -> access instanceof Access.KioskDevice || access instanceof Access.Public);

        assertThatThrownBy(() -> gate.check(Access.PUBLIC, "192.0.2.1")).isInstanceOf(ApiException.class);
        assertThatCode(() -> gate.check(Access.ANY_ADMIN, "192.0.2.1")).doesNotThrowAnyException();
    }

    @Test
    void aPolicyChangeAppliesToTheNextCall() {
        AtomicReference<SsprPolicy> policy = new AtomicReference<>(allowing("10.0.0.0/8"));
        KioskNetworkGate gate = KioskNetworkGate.forKioskRoutes(policy::get);

        assertThat(gate.allows("192.168.1.5")).isFalse();
        policy.set(allowing("10.0.0.0/8 192.168.0.0/16"));
        assertThat(gate.allows("192.168.1.5")).isTrue();
        policy.set(allowing(null));
        assertThat(gate.allows("203.0.113.1")).isTrue();
        policy.set(allowing("10.0.0.0/8"));
        assertThat(gate.allows("192.168.1.5")).isFalse();
    }

    @Test
    void theRefusalNamesTheAddressOnlyWhenItLooksLikeOne() {
        KioskNetworkGate gate = KioskNetworkGate.forKioskRoutes(() -> allowing("10.0.0.0/8"));

        assertThatThrownBy(() -> gate.requireAllowed("192.0.2.1")).hasMessageContaining("(192.0.2.1)");
        assertThatThrownBy(() -> gate.requireAllowed("<script>")).hasMessageContaining("(unknown address)")
                .message().doesNotContain("<script>");
    }

    @Test
    void anIpv4MappedAddressBuiltAsIpv6StillMatchesIpv4Ranges() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 5};
        InetAddress v6 = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(v6).isInstanceOf(Inet6Address.class);
        assertThat(KioskNetworkGate.parseAddress(v6.getHostAddress())).isEqualTo(InetAddress.ofLiteral("10.0.0.5"));
    }
}
