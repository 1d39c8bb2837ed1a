package org.opensspr.bench.keycloak;

import okhttp3.HttpUrl;
import org.opensspr.bench.load.EndpointLatencies;
import org.opensspr.bench.load.ErrorCounts.FlowStopped;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One complete reset through Keycloak's reset-credentials flow, as a person does it in a browser: the login
 * page, "Forgot Password?", their username, the emailed link, a new password twice, and back at the client
 * signed in (Keycloak's redirect to the client with a code, the end of a login). Each step is timed.
 */
final class BrowserResetFlow {
    static final String LOGIN_PAGE = "1 GET login page";
    static final String FORGOT_PAGE = "2 GET forgot-password page";
    static final String SEND_EMAIL = "3 POST username (email sent)";
    static final String READ_EMAIL = "4 read email (in-process SMTP)";
    static final String FOLLOW_LINK = "5 GET emailed link";
    static final String NEW_PASSWORD = "6 POST new password";
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);

    private final Browser browser;
    private final KeycloakRealm realm;
    private final Mailbox mailbox;
    private final EndpointLatencies.Timer timer;

    BrowserResetFlow(Browser browser, KeycloakRealm realm, Mailbox mailbox, EndpointLatencies.Timer timer) {
        this.browser = browser;
        this.realm = realm;
        this.mailbox = mailbox;
        this.timer = timer;
    }

    void run(KeycloakUser user) {
        browser.forget(); // a new person at a new browser: no session from the last flow
        mailbox.empty(user.email());

        Browser.Page login = ok(timer.time(LOGIN_PAGE, () -> browser.get(realm.loginUrl())), "LOGIN_PAGE");
        String forgot = Html.linkContaining(login.body(), "/login-actions/reset-credentials")
                .orElseThrow(() -> new FlowStopped("NO_FORGOT_PASSWORD_LINK"));
        Browser.Page chooseUser = ok(timer.time(FORGOT_PAGE, () -> browser.get(login.url().resolve(forgot))),
                "FORGOT_PAGE");
        HtmlForm usernameForm = HtmlForm.find(chooseUser.body(), "kc-reset-password-form", "username")
                .orElseThrow(() -> new FlowStopped("NO_USERNAME_FORM"));
        ok(timer.time(SEND_EMAIL, () -> browser.post(chooseUser.url().resolve(usernameForm.action()),
                filled(usernameForm, Map.of("username", user.username())))), "SEND_EMAIL");

        String mail = timer.time(READ_EMAIL, () -> mailbox.awaitText(user.email(), MAIL_TIMEOUT))
                .orElseThrow(() -> new FlowStopped("NO_EMAIL"));
        String link = MailLinks.actionLink(mail).orElseThrow(() -> new FlowStopped("NO_LINK_IN_EMAIL"));
        HttpUrl linkUrl = HttpUrl.get(link);
        Browser.Page update = ok(timer.time(FOLLOW_LINK, () -> browser.get(linkUrl)), "FOLLOW_LINK");
        HtmlForm passwordForm = HtmlForm.find(update.body(), "kc-passwd-update-form", "password-new")
                .orElseThrow(() -> new FlowStopped("NO_UPDATE_PASSWORD_FORM"));

        String password = newPassword();
        Browser.Page done = timer.time(NEW_PASSWORD, () -> browser.post(update.url().resolve(passwordForm.action()),
                filled(passwordForm, Map.of("password-new", password, "password-confirm", password))));
        if (!realm.isSignedInRedirect(done.url())) {
            throw new FlowStopped("NOT_SIGNED_IN_AFTER_UPDATE:HTTP_" + done.status());
        }
    }

    /** A password no policy of the realm refuses, different every time. */
    static String newPassword() {
        return "Kc-" + UUID.randomUUID();
    }

    private static Browser.Page ok(Browser.Page page, String step) {
        if (page.status() != 200) {
            throw new FlowStopped(step + ":HTTP_" + page.status());
        }
        return page;
    }

    private static Map<String, String> filled(HtmlForm form, Map<String, String> typed) {
        Map<String, String> fields = new LinkedHashMap<>(form.presetFields());
        fields.putAll(typed);
        return fields;
    }
}
