package org.opensspr.bench.load;

import java.util.Map;

/**
 * A seeded person and what they prove themselves with: codes go to {@code alternateEmail}, {@code mobilePhone}
 * (texted) or {@code officePhone} (called), each E.164 as the outbox names its recipient and unique to the
 * person; {@code app} is their Authenticator app (null without one); {@code answers} their security answers by
 * question id (empty without).
 */
public record LoadUser(String userPrincipalName, String alternateEmail, String mobilePhone, String officePhone,
                       AuthenticatorApp app, Map<String, String> answers) {
    public LoadUser {
        answers = Map.copyOf(answers);
    }

    /**
     * {@code prefix} keeps names unique per run on a server that outlives runs. The phone numbers are US numbers
     * of the 555 exchange, one area code per 10,000 people.
     */
    static LoadUser numbered(String prefix, int n) {
        String name = "%s%06d".formatted(prefix, n);
        return new LoadUser(name + "@contoso.example", name + "@private.example",
                "+1%03d555%04d".formatted(425 + n / 10_000, n % 10_000),
                "+1%03d555%04d".formatted(206 + n / 10_000, n % 10_000), null, Map.of());
    }

    /** The name before the @, which the directory writers take as the person's given name. */
    String name() {
        return userPrincipalName.substring(0, userPrincipalName.indexOf('@'));
    }

    LoadUser withApp(AuthenticatorApp value) {
        return new LoadUser(userPrincipalName, alternateEmail, mobilePhone, officePhone, value, answers);
    }

    LoadUser withAnswers(Map<String, String> value) {
        return new LoadUser(userPrincipalName, alternateEmail, mobilePhone, officePhone, app, value);
    }
}
