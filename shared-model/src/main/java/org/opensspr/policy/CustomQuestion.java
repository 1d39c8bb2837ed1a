package org.opensspr.policy;

/** An organization's own security question (not localized). The id is what registrations store. */
public record CustomQuestion(String id, String text) {
    public CustomQuestion {
        id = Copies.text(id);
        text = Copies.text(text);
    }
}
