package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.time.Instant;

@JsonClassDescription("A new Authenticator app to add: shown once; it counts only after a code from the app is"
        + " entered")
public record AuthenticatorSetupDto(
        @JsonPropertyDescription("The otpauth:// URI the app reads (issuer OpenSSPR, account the user's UPN)")
        String otpauthUri,
        @JsonPropertyDescription("The secret in base32, for typing into the app by hand") String secret,
        @JsonPropertyDescription("The URI as a QR code: a PNG image, base64") String qrCodePng,
        @JsonPropertyDescription("The code's length") CodeFormat codeFormat,
        @JsonPropertyDescription("When this setup stops being accepted") Instant expiresAt,
        @JsonPropertyDescription("Where the app subscribes for sign-in notifications (an ntfy-compatible topic URL);"
                + " absent when this server sends no notifications") @OptionalField String notificationTopicUrl,
        @JsonPropertyDescription("The topic URL as a QR code: a PNG image, base64") @OptionalField String notificationQrCodePng) {
    public AuthenticatorSetupDto(String otpauthUri, String secret, String qrCodePng, CodeFormat codeFormat,
                                 Instant expiresAt) {
        this(otpauthUri, secret, qrCodePng, codeFormat, expiresAt, null, null);
    }

    @Override
    public String toString() {
        return "AuthenticatorSetupDto[secret hidden, expiresAt=" + expiresAt + "]";
    }
}
