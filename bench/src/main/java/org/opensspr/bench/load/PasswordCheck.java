package org.opensspr.bench.load;

import org.opensspr.api.UserSignInRequest;
import org.opensspr.api.UserSignInResultDto;
import org.opensspr.client.OpenSsprClient;

import java.util.Map;

/**
 * After the run, whether the resets took: a few of the users whose password a flow set sign in with it at the
 * lock screen, as they would next. Outside the counted window and its CPU and hash readings (each sign-in hashes).
 */
final class PasswordCheck {
    static final int USERS_CHECKED = 10;

    private PasswordCheck() {
    }

    /** How many of {@code passwords} (user principal name → password) sign in; {@code checked} how many tried. */
    record Result(int checked, int signedIn) {
    }

    static Result signIn(String url, KioskIdentity kiosk, Map<String, String> passwords) {
        int signedIn = 0;
        try (OpenSsprClient lockScreen = OpenSsprClient.builder().baseUrl(url).credentials(kiosk::credential)
                .userAgent("opensspr-load").build()) {
            for (Map.Entry<String, String> user : passwords.entrySet()) {
                UserSignInResultDto result = lockScreen.signInUser(new UserSignInRequest(user.getKey(), user.getValue()));
                if (result.outcome() == UserSignInResultDto.Outcome.SIGNED_IN) {
                    signedIn++;
                }
            }
        }
        return new Result(passwords.size(), signedIn);
    }
}
