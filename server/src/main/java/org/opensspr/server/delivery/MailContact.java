package org.opensspr.server.delivery;

import org.opensspr.directory.DirectoryUser;

/**
 * What the notification composer needs to know about a person: how to greet them, their account
 * name, where to write and in which language. Blank means "not set".
 *
 * @param languageTag a BCP 47 tag ("es", "es-MX", "en-US"); blank or unsupported means English
 */
public record MailContact(String displayName, String userPrincipalName, String primaryEmail, String alternateEmail,
                          String languageTag) {
    public MailContact {
        displayName = clean(displayName);
        userPrincipalName = clean(userPrincipalName);
        primaryEmail = clean(primaryEmail);
        alternateEmail = clean(alternateEmail);
        languageTag = clean(languageTag);
    }

    public static MailContact of(DirectoryUser user) {
        return new MailContact(user.displayName(), user.userPrincipalName(), user.contact().primaryEmail(),
                user.contact().alternateEmail(), user.preferredLanguage());
    }

    /** The name to greet: the display name, else the account name. */
    String greetingName() {
        return displayName.isEmpty() ? userPrincipalName : displayName;
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
