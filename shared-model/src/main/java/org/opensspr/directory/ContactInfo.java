package org.opensspr.directory;

/**
 * A user's contact data. The primary email is the organization's mailbox; the alternate email, mobile
 * and office phone double as authentication methods once present (an admin pre-filling them counts
 * as registration). Empty strings mean "not set".
 */
public record ContactInfo(String primaryEmail, String alternateEmail, String mobilePhone, String officePhone) {
    public ContactInfo {
        primaryEmail = clean(primaryEmail);
        alternateEmail = clean(alternateEmail);
        mobilePhone = clean(mobilePhone);
        officePhone = clean(officePhone);
    }

    public static ContactInfo none() {
        return new ContactInfo("", "", "", "");
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
