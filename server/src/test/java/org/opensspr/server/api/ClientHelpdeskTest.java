package org.opensspr.server.api;

import org.junit.jupiter.api.Test;
import org.opensspr.api.AdminPasswordResetDto;
import org.opensspr.api.AdminPasswordResetRequest;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.PassSignInRequest;
import org.opensspr.api.TemporaryAccessPassDto;
import org.opensspr.api.TemporaryAccessPassRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.api.UserSignInResultDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.db.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The console's helpdesk calls and the lock screen's pass sign-in through the typed client (the API tests cover both databases). */
class ClientHelpdeskTest {

    @Test
    void everyHelpdeskCallReachesItsRoute() {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2);
             OpenSsprClient console = TestAdmins.client(server, Role.USER_ADMINISTRATOR);
             OpenSsprClient kiosk = OpenSsprClient.builder().baseUrl(server.url()).build()) {
            String id = TestPeople.cloudUser(server, "hal@contoso.example", HelpdeskApiTest.PASSWORD, false).id();

            UserDetailDto prefilled = console.helpdesk().prefillContact(id,
                    new ContactUpdateRequest("hal@fabrikam.example", "+41 79 123 45 67", null));
            assertThat(prefilled.registrations()).hasSize(2);
            assertThat(console.helpdesk().deleteMethod(id, AuthMethod.Registration.MOBILE_PHONE).registrations()).hasSize(1);
            assertThat(console.helpdesk().requireReregistration(id).registrations()).isEmpty();

            AdminPasswordResetDto reset = console.helpdesk().resetPassword(id, new AdminPasswordResetRequest(null, false));
            assertThat(reset.generatedPassword()).hasSize(16);
            assertThat(reset.toString()).doesNotContain(reset.generatedPassword());
            assertThat(console.helpdesk().unlock(id).locked()).isFalse();

            TemporaryAccessPassDto pass = console.helpdesk().issuePass(id, new TemporaryAccessPassRequest(30, true, 10));
            assertThat(pass.pass()).hasSize(10);
            assertThat(console.helpdesk().pass(id).pass()).isNull();
            UserSignInResultDto signedIn = kiosk.signInUserWithPass(new PassSignInRequest("hal@contoso.example",
                    pass.pass(), "es-ES"));
            assertThat(signedIn.outcome()).isEqualTo(UserSignInResultDto.Outcome.SIGNED_IN);
            assertThat(console.helpdesk().pass(id).usable()).isFalse();
            console.helpdesk().revokePass(id);
            assertThat(catchThrowableOfType(OpenSsprApiException.class, () -> console.helpdesk().pass(id)).code())
                    .isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(catchThrowableOfType(OpenSsprApiException.class, () -> console.helpdesk()
                    .issuePass(id, new TemporaryAccessPassRequest(5, null, null))).code())
                    .isEqualTo(ErrorCode.VALIDATION_FAILED);
        }
    }
}
