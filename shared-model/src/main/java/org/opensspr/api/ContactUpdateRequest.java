package org.opensspr.api;

import org.opensspr.directory.ContactInfo;

/**
 * {@code PATCH /api/v1/users/{id}/contact}: an administrator pre-fills a user's authentication contact data,
 * changing only the fields sent. A value that is set counts as a registered method (alternate email → EMAIL,
 * mobile → MOBILE_PHONE, office → OFFICE_PHONE); "" clears it and removes that registration; a field left out
 * (or null, which the API's mapper never writes) stays as it is. Phones are written
 * "+&lt;country code&gt; &lt;number&gt;", e.g. "+41 44 668 18 00".
 */
public record ContactUpdateRequest(@OptionalField String alternateEmail, @OptionalField String mobilePhone,
                                   @OptionalField String officePhone) {

    /** {@code current} with the fields this request sends. */
    public ContactInfo appliedTo(ContactInfo current) {
        return new ContactInfo(current.primaryEmail(), orElse(alternateEmail, current.alternateEmail()),
                orElse(mobilePhone, current.mobilePhone()), orElse(officePhone, current.officePhone()));
    }

    private static String orElse(String sent, String current) {
        return sent == null ? current : sent;
    }
}
