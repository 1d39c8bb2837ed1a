package org.opensspr.api;

/**
 * An administrator pre-fills a user's authentication contact data. A value that is set counts as a
 * registered method (alternate email → EMAIL, mobile → MOBILE_PHONE, office → OFFICE_PHONE); "" clears
 * it and removes that registration. Phones are written "+&lt;country code&gt; &lt;number&gt;", e.g. "+41 44 668 18 00".
 */
public record ContactUpdateRequest(String alternateEmail, String mobilePhone, String officePhone) {
}
