package org.opensspr.bench.keycloak;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The action link in Keycloak's "reset password" email, from the message's plain text (or its HTML). */
final class MailLinks {
    /** Up to the first character a URL can't hold unescaped: whitespace, quotes, angle brackets. */
    private static final Pattern ACTION_LINK = Pattern.compile(
            "https?://[^\\s\"'<>]*/login-actions/action-token\\?[^\\s\"'<>]*");

    private MailLinks() {
    }

    static Optional<String> actionLink(String mailText) {
        Matcher m = ACTION_LINK.matcher(mailText);
        if (!m.find()) {
            return Optional.empty();
        }
        // An HTML body writes the query's & as &amp;; a sentence may end right after the link.
        String link = Html.unescape(m.group());
        while (link.endsWith(".") || link.endsWith(",") || link.endsWith(")")) {
            link = link.substring(0, link.length() - 1);
        }
        return Optional.of(link);
    }
}
