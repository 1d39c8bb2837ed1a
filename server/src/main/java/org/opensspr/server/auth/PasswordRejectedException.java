package org.opensspr.server.auth;

import org.opensspr.api.ApiError;
import org.opensspr.api.ErrorCode;
import org.opensspr.password.CharacterClass;
import org.opensspr.password.PasswordViolation;
import org.opensspr.server.http.ApiException;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A proposed password that breaks the password rules, with every violation (typed, for callers such
 * as the CLI) and their API form: VALIDATION_FAILED with one field error per violation. Never
 * carries the password.
 */
public final class PasswordRejectedException extends RuntimeException {
    private final List<PasswordViolation> violations;

    public PasswordRejectedException(List<PasswordViolation> violations) {
        super("The password doesn't meet the password rules: " + violations.stream()
                .map(PasswordRejectedException::message).collect(Collectors.joining(" ")), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<PasswordViolation> violations() {
        return violations;
    }

    /** The API error for the request field that held the password. */
    public ApiException toApiException(String field) {
        List<ApiError.FieldError> errors = violations.stream()
                .map(v -> new ApiError.FieldError(field, code(v), message(v))).toList();
        return new ApiException(ErrorCode.VALIDATION_FAILED, getMessage(), errors, null);
    }

    /** A stable upper-snake-case code per violation kind. */
    static String code(PasswordViolation violation) {
        return switch (violation) {
            case PasswordViolation.TooShort v -> "TOO_SHORT";
            case PasswordViolation.TooLong v -> "TOO_LONG";
            case PasswordViolation.TooFewCharacterClasses v -> "TOO_FEW_CHARACTER_CLASSES";
            case PasswordViolation.DisallowedCharacters v -> "DISALLOWED_CHARACTERS";
            case PasswordViolation.SameAsCurrentPassword v -> "SAME_AS_CURRENT_PASSWORD";
            case PasswordViolation.BannedPassword v -> "BANNED_PASSWORD";
        };
    }

    static String message(PasswordViolation violation) {
        return switch (violation) {
            case PasswordViolation.TooShort v -> "Use at least " + v.minimum() + " characters.";
            case PasswordViolation.TooLong v -> "Use at most " + v.maximum() + " characters.";
            case PasswordViolation.TooFewCharacterClasses v -> "Use at least " + v.required()
                    + " of: lower-case letters, upper-case letters, digits, symbols (has "
                    + (v.present().isEmpty() ? "none" : v.present().stream().map(PasswordRejectedException::name)
                    .collect(Collectors.joining(", "))) + ").";
            case PasswordViolation.DisallowedCharacters v -> "These characters are not allowed: "
                    + String.join(" ", v.unicodeNames()) + ".";
            case PasswordViolation.SameAsCurrentPassword v -> "Choose a password other than the current one.";
            // The matched terms are parts of the password: never echo them.
            case PasswordViolation.BannedPassword v -> "The password is too easy to guess: it is built from common"
                    + " words or names.";
        };
    }

    private static String name(CharacterClass characterClass) {
        return characterClass.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
