package org.opensspr.policy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CidrTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(textBlock = """
            10.0.0.0/8,       10.255.1.2,     true
            10.0.0.0/8,       11.0.0.1,       false
            192.168.10.0/24,  192.168.10.77,  true
            192.168.10.0/24,  192.168.11.1,   false
            192.168.10.0/25,  192.168.10.128, false
            172.16.0.0/12,    172.31.255.255, true
            172.16.0.0/12,    172.32.0.0,     false
            0.0.0.0/0,        8.8.8.8,        true
            127.0.0.1,        127.0.0.1,      true
            127.0.0.1,        127.0.0.2,      false
            2001:db8::/32,    2001:db8:1::5,  true
            2001:db8::/32,    2001:db9::1,    false
            2001:db8::/32,    10.0.0.1,       false
            """)
    void containment(String cidr, String address, boolean contained) throws UnknownHostException {
        assertThat(Cidr.parse(cidr).contains(InetAddress.getByName(address))).isEqualTo(contained);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            kiosk.contoso.example
            10.0.0.0/33
            10.0.0.0/-1
            10.0.0.0/
            10.0.0/8
            10.1.0.0/8
            2001:db8::/129
            ::1/abc
            256.1.1.1/32
            """)
    void rejectsWhatIsNotANetwork(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse(text)).withMessageContaining(text);
    }

    @Property
    void everyIpv4NetworkContainsItsOwnAddressesAndRoundTrips(@ForAll("ipv4") byte[] address,
                                                              @ForAll @net.jqwik.api.constraints.IntRange(max = 32) int prefix)
            throws UnknownHostException {
        byte[] network = mask(address, prefix);
        Cidr cidr = Cidr.parse(InetAddress.getByAddress(network).getHostAddress() + "/" + prefix);

        assertThat(cidr.contains(InetAddress.getByAddress(address))).isTrue();
        assertThat(Cidr.parse(cidr.toString())).isEqualTo(cidr);
    }

    @Property
    void parsingArbitraryTextNeverFailsOtherwise(@ForAll String text) {
        try {
            Cidr.parse(text);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<byte[]> ipv4() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] network = address.clone();
        for (int bit = prefix; bit < 32; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return network;
    }
}
