package org.opensspr.server.reset;

import org.opensspr.server.delivery.PhoneMessages;
import org.opensspr.server.http.BinaryResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The page a tap on an app notification opens: the three numbers and Deny as plain HTML forms (no script),
 * posting to the same signed link. Every text comes from the server's bundles; the numbers are digits.
 */
final class AnswerPage {
    private static final String STYLE = "body{font-family:sans-serif;max-width:28em;margin:2em auto;padding:0 1em}"
            + "button{font-size:1.6em;width:100%;margin:.3em 0;padding:.5em}button.deny{font-size:1.1em}";

    private AnswerPage() {
    }

    /** The question: pick the lock screen's number, or deny. */
    static BinaryResponse choices(Locale locale, String formPath, List<String> numbers) {
        StringBuilder forms = new StringBuilder();
        for (String number : numbers) {
            forms.append(form(formPath, number, number, ""));
        }
        forms.append(form(formPath, PushChallenges.DENY, escape(PhoneMessages.page(locale, "deny")), " class=\"deny\""));
        return html(locale, PhoneMessages.page(locale, "title"),
                "<p>" + escape(PhoneMessages.page(locale, "lead")) + "</p>" + forms);
    }

    /** A one-line outcome: thanks, expired, not valid, already answered. */
    static BinaryResponse message(Locale locale, String key) {
        return html(locale, PhoneMessages.page(locale, "title"), "<p>" + escape(PhoneMessages.page(locale, key)) + "</p>");
    }

    private static String form(String path, String value, String label, String attributes) {
        return "<form method=\"post\" action=\"" + path + "\"><input type=\"hidden\" name=\"answer\" value=\"" + value
                + "\"><button type=\"submit\"" + attributes + ">" + label + "</button></form>";
    }

    private static BinaryResponse html(Locale locale, String title, String body) {
        String page = "<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + escape(title)
                + "</title><style>" + STYLE + "</style></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
        return new BinaryResponse("text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
