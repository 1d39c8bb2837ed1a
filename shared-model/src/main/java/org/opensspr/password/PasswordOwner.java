package org.opensspr.password;

/**
 * Who the new password is for, as far as the banned-password check cares: the user's names and
 * the organization's name are banned terms for that user. Missing values are empty strings.
 */
public record PasswordOwner(String firstName, String lastName, String organizationName) {

    /** No names known: only the global and custom lists apply. */
    public static final PasswordOwner UNKNOWN = new PasswordOwner("", "", "");

    public PasswordOwner {
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
        organizationName = organizationName == null ? "" : organizationName;
    }
}
