package org.opensspr.server.directory;

import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.UserSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A user's attributes as an administrator (or an import file) gives them, before they are stored.
 * The constructor trims every text; {@link #problems()} checks them all and names each bad field
 * with its API name.
 */
public record UserDraft(String userPrincipalName, String givenName, String surname, String displayName,
                        UserSource source, boolean enabled, boolean onPremisesProtected, ContactInfo contact,
                        String preferredLanguage) {
    public UserDraft {
        userPrincipalName = clean(userPrincipalName);
        givenName = clean(givenName);
        surname = clean(surname);
        displayName = clean(displayName);
        contact = contact == null ? ContactInfo.none() : contact;
        preferredLanguage = clean(preferredLanguage);
    }

    /** Every problem with these values, in field order; empty when they can be stored. */
    public List<FieldProblem> problems() {
        List<Optional<FieldProblem>> checks = new ArrayList<>();
        checks.add(FieldRules.userPrincipalName("userPrincipalName", userPrincipalName));
        checks.add(text("givenName", givenName, FieldRules.MAX_NAME, "The given name"));
        checks.add(text("surname", surname, FieldRules.MAX_NAME, "The surname"));
        checks.add(FieldRules.required("displayName", displayName, "The display name")
                .or(() -> text("displayName", displayName, FieldRules.MAX_DISPLAY_NAME, "The display name")));
        if (source == null) {
            checks.add(Optional.of(new FieldProblem("source", "REQUIRED", "The source (CLOUD or ON_PREMISES) is required.")));
        } else if (onPremisesProtected && source != UserSource.ON_PREMISES) {
            checks.add(Optional.of(new FieldProblem("onPremisesProtected", "INVALID_VALUE",
                    "Only on-premises accounts can be protected by Active Directory.")));
        }
        checks.addAll(contactChecks(userPrincipalName, contact));
        checks.add(FieldRules.languageTag("preferredLanguage", preferredLanguage));
        return checks.stream().flatMap(Optional::stream).toList();
    }

    /**
     * The problems with contact data alone, for a change of just that: the primary email, the alternate
     * email (a way to reach the user outside the organization, not their own mailbox) and the phones.
     */
    public static List<FieldProblem> contactProblems(String userPrincipalName, ContactInfo contact) {
        return contactChecks(userPrincipalName, contact).stream().flatMap(Optional::stream).toList();
    }

    private static List<Optional<FieldProblem>> contactChecks(String userPrincipalName, ContactInfo contact) {
        return List.of(FieldRules.email("primaryEmail", contact.primaryEmail(), "The primary email"),
                FieldRules.email("alternateEmail", contact.alternateEmail(), "The alternate email")
                        .or(() -> alternateEmailOutsideOrganization(userPrincipalName, contact)),
                FieldRules.phone("mobilePhone", contact.mobilePhone(), "The mobile phone"),
                FieldRules.phone("officePhone", contact.officePhone(), "The office phone"));
    }

    /** The draft with its language tag in canonical form; call once {@link #problems()} is empty. */
    public UserDraft canonical() {
        return new UserDraft(userPrincipalName, givenName, surname, displayName, source, enabled, onPremisesProtected,
                contact, FieldRules.canonicalLanguageTag(preferredLanguage));
    }

    private static Optional<FieldProblem> alternateEmailOutsideOrganization(String userPrincipalName,
                                                                            ContactInfo contact) {
        String alternate = contact.alternateEmail().toLowerCase(Locale.ROOT);
        if (!alternate.isEmpty() && (alternate.equals(contact.primaryEmail().toLowerCase(Locale.ROOT))
                || alternate.equals(userPrincipalName.toLowerCase(Locale.ROOT)))) {
            return Optional.of(new FieldProblem("alternateEmail", "INVALID_VALUE",
                    "The alternate email must be an address outside the organization, not the user's own mailbox."));
        }
        return Optional.empty();
    }

    private static Optional<FieldProblem> text(String field, String value, int max, String label) {
        return FieldRules.maxLength(field, value, max, label).or(() -> value.chars().anyMatch(Character::isISOControl)
                ? Optional.of(new FieldProblem(field, "INVALID_FORMAT", label + " can't contain control characters."))
                : Optional.empty());
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
