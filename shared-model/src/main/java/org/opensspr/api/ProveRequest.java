package org.opensspr.api;

import java.util.Map;

/** Proves the current gate: a code (email, phone, app) or the answers to the drawn questions (by question id). */
public record ProveRequest(String ticket, @OptionalField String code, @OptionalField Map<String, String> answers) {
    @Override
    public String toString() {
        return "ProveRequest[ticket=" + Redacted.mark(ticket) + ", code=" + Redacted.mark(code)
                + ", answers=" + (answers == null ? "none" : answers.size() + " hidden") + "]";
    }
}
