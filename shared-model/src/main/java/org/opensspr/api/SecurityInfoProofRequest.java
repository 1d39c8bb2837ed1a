package org.opensspr.api;

import java.util.Map;

import org.opensspr.methods.AuthMethod;

/**
 * Proves a registered method again before security info changes: a code (emailed, or from the Authenticator
 * app) or the answers to the drawn questions, by question id.
 */
public record SecurityInfoProofRequest(String session, AuthMethod.Registration kind, @OptionalField String code,
                                       @OptionalField Map<String, String> answers) {
    @Override
    public String toString() {
        return "SecurityInfoProofRequest[session=" + Redacted.mark(session) + ", kind=" + kind + ", code="
                + Redacted.mark(code) + ", answers=" + (answers == null ? "none" : answers.size() + " hidden") + "]";
    }
}
