package org.opensspr.server.api;

import org.opensspr.api.ErrorCode;
import org.opensspr.api.KioskCredentialDto;
import org.opensspr.api.KioskDto;
import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.api.KioskEnrollmentCodeDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.policy.KioskNetworkPolicy;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A kiosk's life over the API: created by an admin, enrolled once, recognised, fenced by network, revoked. */
class KioskApiTest {

    @OnBothDatabases
    void enrollmentAndRevocation(InProcessServer server) {
        try (OpenSsprClient admin = TestAdmins.client(server, Role.GLOBAL_ADMINISTRATOR);
             OpenSsprClient anonymous = OpenSsprClient.builder().baseUrl(server.url()).build()) {
            KioskEnrollmentCodeDto code = admin.createKiosk("Reception 1");

            KioskCredentialDto credential = anonymous.enrollKiosk(new KioskEnrollRequest(code.code(), "kiosk-host-01"));
            OpenSsprApiException reused = catchThrowableOfType(OpenSsprApiException.class,
                    () -> anonymous.enrollKiosk(new KioskEnrollRequest(code.code(), null)));

            assertThat(reused.code()).isEqualTo(ErrorCode.INVALID_VALUE);
            try (OpenSsprClient kiosk = OpenSsprClient.builder().baseUrl(server.url())
                    .bearerToken(credential.credential()).build()) {
                KioskDto me = kiosk.thisKiosk();
                assertThat(me.name()).isEqualTo("Reception 1");
                assertThat(me.deviceName()).isEqualTo("kiosk-host-01");
                assertThat(admin.kiosks(0, 10).items()).extracting(KioskDto::status).containsExactly(KioskDto.Status.ENROLLED);

                admin.revokeKiosk(code.kioskId());

                OpenSsprApiException revoked = catchThrowableOfType(OpenSsprApiException.class, kiosk::thisKiosk);
                assertThat(revoked.code()).isEqualTo(ErrorCode.KIOSK_REVOKED);
                assertThat(admin.kiosks(0, 10).items()).extracting(KioskDto::status).containsExactly(KioskDto.Status.REVOKED);
            }
        }
    }

    @OnBothDatabases
    void kiosksOutsideTheAllowedNetworksAreRefused(InProcessServer server) {
        try (OpenSsprClient admin = TestAdmins.client(server, Role.GLOBAL_ADMINISTRATOR);
             OpenSsprClient anonymous = OpenSsprClient.builder().baseUrl(server.url()).build()) {
            KioskCredentialDto credential = anonymous.enrollKiosk(
                    new KioskEnrollRequest(admin.createKiosk("Lobby").code(), null));
            var current = admin.currentPolicy();
            admin.updatePolicy(current.version(), current.policy()
                    .withKioskNetworks(new KioskNetworkPolicy(List.of("10.20.0.0/16"))));

            try (OpenSsprClient kiosk = OpenSsprClient.builder().baseUrl(server.url())
                    .bearerToken(credential.credential()).build()) {
                OpenSsprApiException denied = catchThrowableOfType(OpenSsprApiException.class, kiosk::thisKiosk);
                assertThat(denied.code()).isEqualTo(ErrorCode.KIOSK_NETWORK_DENIED);

                var again = admin.currentPolicy();
                admin.updatePolicy(again.version(), again.policy()
                        .withKioskNetworks(new KioskNetworkPolicy(List.of("10.20.0.0/16", "127.0.0.0/8"))));
                assertThat(kiosk.thisKiosk().name()).isEqualTo("Lobby");
            }
        }
    }
}
