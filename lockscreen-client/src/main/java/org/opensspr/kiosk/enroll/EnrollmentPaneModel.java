package org.opensspr.kiosk.enroll;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.api.CertificateFingerprint;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.KioskCredentialDto;
import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.client.OpenSsprClientBuilder;
import org.opensspr.kiosk.connection.CertificateProbe;
import org.opensspr.kiosk.connection.CredentialStore;
import org.opensspr.kiosk.connection.ServerConnection;
import org.opensspr.kiosk.connection.StoredCredential;
import org.opensspr.ui.tasks.Background;

import java.net.InetAddress;
import java.util.function.Consumer;

/**
 * First start against a remote server: show the certificate the server presents (to compare with the
 * fingerprint it printed), take the one-time enrollment code, and keep the credential it is exchanged
 * for (0600). From then on the kiosk uses that credential and trusts only that certificate.
 */
public final class EnrollmentPaneModel {
    private final String serverUrl;
    private final String expectedFingerprint;
    private final CredentialStore store;
    private final Background background;
    private final Consumer<OpenSsprClient> onEnrolled;
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper(this, "fingerprint", "");
    private final ReadOnlyStringWrapper messageKey = new ReadOnlyStringWrapper(this, "messageKey", "");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");

    /** @param expectedFingerprint from {@code --fingerprint}, or null to show the presented one for comparison */
    public EnrollmentPaneModel(String serverUrl, String expectedFingerprint, CredentialStore store,
                               Background background, Consumer<OpenSsprClient> onEnrolled) {
        this.serverUrl = serverUrl;
        this.expectedFingerprint = expectedFingerprint;
        this.store = store;
        this.background = background;
        this.onEnrolled = onEnrolled;
    }

    /** Reads the presented certificate (https only); call when the screen is shown. */
    public void probe() {
        if (!ServerConnection.isHttps(serverUrl)) {
            return;
        }
        background.run(() -> CertificateProbe.presented(serverUrl), presented -> {
            fingerprint.set(presented.toString());
            if (expectedFingerprint != null && !presented.equals(CertificateFingerprint.parse(expectedFingerprint))) {
                messageKey.set("enroll.fingerprintMismatch");
            }
        }, failure -> messageKey.set("enroll.unreachable"));
    }

    public void enroll() {
        String typed = code.get() == null ? "" : code.get().strip();
        if (typed.isEmpty()) {
            messageKey.set("enroll.codeRequired");
            return;
        }
        boolean https = ServerConnection.isHttps(serverUrl);
        String pin = expectedFingerprint != null ? expectedFingerprint : fingerprint.get();
        if (https && (pin == null || pin.isBlank())) {
            messageKey.set("enroll.unreachable");
            return;
        }
        working.set(true);
        messageKey.set("");
        background.run(() -> {
            OpenSsprClientBuilder builder = ServerConnection.builder(serverUrl);
            if (https) {
                builder.pinnedCertificate(pin);
            }
            KioskCredentialDto credential;
            try (OpenSsprClient anonymous = builder.build()) {
                credential = anonymous.enrollKiosk(new KioskEnrollRequest(typed, hostName()));
            }
            String pinned = https ? CertificateFingerprint.parse(pin).toString() : null;
            store.save(new StoredCredential(serverUrl, credential.kioskId(), credential.kioskName(),
                    credential.credential(), pinned));
            OpenSsprClientBuilder enrolled = ServerConnection.builder(serverUrl).bearerToken(credential.credential());
            if (https) {
                enrolled.pinnedCertificate(pinned);
            }
            return enrolled.build();
        }, client -> {
            working.set(false);
            code.set("");
            onEnrolled.accept(client);
        }, failure -> {
            working.set(false);
            messageKey.set(failure instanceof OpenSsprApiException api
                    && (api.code() == ErrorCode.INVALID_CREDENTIALS || api.code() == ErrorCode.NOT_FOUND
                    || api.code() == ErrorCode.VALIDATION_FAILED || api.code() == ErrorCode.INVALID_VALUE)
                    ? "enroll.wrongCode" : failure instanceof OpenSsprApiException ? "enroll.refused" : "enroll.unreachable");
        });
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    public String serverUrl() {
        return serverUrl;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageKeyProperty() {
        return messageKey.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
