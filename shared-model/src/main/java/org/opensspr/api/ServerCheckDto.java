package org.opensspr.api;

import java.time.Instant;

/**
 * One directory server as a connection test found it.
 *
 * @param url                the server's URL as configured
 * @param reachable          a connection (and its TLS handshake) was made
 * @param bound              the service account's bind was accepted
 * @param baseFound          the base DN exists and the service account can read it
 * @param directory          what the server says it is (vendor and version, or AD's functional level)
 * @param tlsProtocol        e.g. TLSv1.3; absent on a plain loopback connection
 * @param cipherSuite        the negotiated cipher suite
 * @param certificateSubject the server certificate's subject, as verified against the trusted certificates
 * @param certificateIssuer  its issuer
 * @param certificateExpires when it expires
 * @param millis             how long the checks of this server took
 * @param problem            what went wrong, in words an operator can act on; absent when all went well
 */
public record ServerCheckDto(String url, boolean reachable, boolean bound, boolean baseFound,
                             @OptionalField String directory, @OptionalField String tlsProtocol,
                             @OptionalField String cipherSuite, @OptionalField String certificateSubject,
                             @OptionalField String certificateIssuer, @OptionalField Instant certificateExpires,
                             long millis, @OptionalField String problem) {
}
