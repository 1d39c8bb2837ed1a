package org.opensspr.console.signin;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.api.AdminSignInRequest;
import org.opensspr.api.CertificateFingerprint;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.SessionDto;
import org.opensspr.client.CertificatePinMismatchException;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.client.OpenSsprClientBuilder;
import org.opensspr.client.ServerUnreachableException;
import org.opensspr.client.TlsFailureException;
import org.opensspr.console.AdminRights;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.ConsoleSession;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** The sign-in form: server, the certificate to pin, user name, password and the authenticator code. */
public final class SignInModel {
    private final ConsoleContext context;
    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty fingerprint = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public SignInModel(ConsoleContext context) {
        this.context = context;
    }

    /** Checks the form, then signs in off the FX thread; {@code onSignedIn} gets the session. */
    public void signIn(Consumer<ConsoleSession> onSignedIn) {
        String problem = formProblem();
        if (problem != null) {
            error.set(problem);
            return;
        }
        error.set("");
        String url = server.get().strip();
        String pin = fingerprint.get().strip();
        AdminSignInRequest request = new AdminSignInRequest(username.get().strip(), password.get(), code.get().strip());
        context.background().run(() -> {
            OpenSsprClientBuilder builder = OpenSsprClient.builder().baseUrl(url);
            if (!pin.isEmpty()) {
                builder.pinnedCertificate(pin);
            }
            OpenSsprClient client = builder.build();
            try {
                SessionDto session = client.signIn(request);
                return new ConsoleSession(client, session, AdminRights.fromRoleNames(session.roles()), url);
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        }, session -> {
            password.set("");
            code.set("");
            onSignedIn.accept(session);
        }, failure -> {
            code.set("");
            error.set(describe(failure));
        });
    }

    private String formProblem() {
        String url = server.get().strip();
        try {
            URI uri = new URI(url);
            boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()) || "[::1]".equals(uri.getHost());
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && loopback)) {
                return context.text("signin.error.url");
            }
        } catch (URISyntaxException e) {
            return context.text("signin.error.url");
        }
        if (!fingerprint.get().isBlank()) {
            try {
                CertificateFingerprint.parse(fingerprint.get().strip());
            } catch (IllegalArgumentException e) {
                return context.text("signin.error.fingerprint");
            }
        }
        if (username.get().isBlank() || password.get().isEmpty()) {
            return context.text("signin.error.missing");
        }
        if (!code.get().strip().matches("\\d{6}")) {
            return context.text("signin.error.code");
        }
        return null;
    }

    private String describe(Exception failure) {
        return switch (failure) {
            case CertificatePinMismatchException e -> context.text("signin.error.pin", e.presented().toHex());
            case TlsFailureException e -> e.presentedFingerprint()
                    .map(presented -> context.text("signin.error.untrusted", presented.toHex()))
                    .orElse(context.text("signin.error.tls"));
            case ServerUnreachableException e -> context.text("signin.error.unreachable", server.get().strip());
            case OpenSsprApiException e when e.code() == ErrorCode.THROTTLED || e.code() == ErrorCode.ACCOUNT_LOCKED ->
                    context.text("signin.error.locked", e.retryAfter()
                            .map(at -> Math.max(1, Duration.between(Instant.now(), at).toSeconds())).orElse(60L));
            case OpenSsprApiException e when e.code() == ErrorCode.INVALID_CREDENTIALS -> context.text("signin.error.credentials");
            case OpenSsprApiException e -> e.getMessage();
            default -> context.text("signin.error.unexpected", failure.getClass().getSimpleName());
        };
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty fingerprintProperty() {
        return fingerprint;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
