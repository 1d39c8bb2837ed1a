package org.opensspr.server.writeback;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which certificate names a directory URL's host accepts. SANs: "dns:name" or "ip:address", space-separated. */
class CertificateNameCheckTest {

    @ParameterizedTest(name = "{0} vs [{1}] cn={2} -> {3}")
    @CsvSource(nullValues = "-", textBlock = """
            dc1.example.org,   dns:dc1.example.org,                    -,                true
            DC1.Example.ORG.,  dns:dc1.example.org,                    -,                true
            dc1.example.org,   dns:dc2.example.org,                    -,                false
            dc1.example.org,   dns:*.example.org,                      -,                true
            a.dc1.example.org, dns:*.example.org,                      -,                false
            example.org,       dns:*.example.org,                      -,                false
            dc1.org,           dns:*.org,                              -,                false
            dc1.example.org,   -,                                      dc1.example.org,  true
            dc1.example.org,   dns:other.example.org,                  dc1.example.org,  false
            127.0.0.1,         ip:127.0.0.1,                           -,                true
            127.0.0.1,         dns:localhost,                          -,                false
            127.0.0.1,         -,                                      127.0.0.1,        false
            10.0.0.5,          dns:dc1.example.org ip:10.0.0.5,        -,                true
            10.0.0.5,          ip:10.0.0.6,                            -,                false
            ::1,               ip:0:0:0:0:0:0:0:1,                     -,                true
            [::1],             ip:0:0:0:0:0:0:0:1,                     -,                true
            dc1.example.org,   ip:10.0.0.5,                            dc1.example.org,  false
            """)
    void aCertificateNamesTheHostOnlyByItsOwnNames(String host, String sans, String commonName, boolean expected) {
        assertThat(CertificateNameCheck.names(host, parse(sans), commonName)).isEqualTo(expected);
    }

    private static List<List<?>> parse(String sans) {
        if (sans == null) {
            return List.of();
        }
        return Arrays.stream(sans.split(" ")).<List<?>>map(san -> san.startsWith("dns:")
                ? List.of(2, san.substring(4)) : List.of(7, san.substring(3))).toList();
    }
}
