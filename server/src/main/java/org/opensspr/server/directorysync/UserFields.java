package org.opensspr.server.directorysync;

import org.opensspr.api.FieldChangeDto;
import org.opensspr.server.directory.UserRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The user attributes the sync owns, compared one by one: an update writes and lists only those that differ. */
final class UserFields {
    private record Field(String name, Function<UserRow, Object> value) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("userPrincipalName", UserRow::userPrincipalName),
            new Field("givenName", UserRow::givenName),
            new Field("surname", UserRow::surname),
            new Field("displayName", UserRow::displayName),
            new Field("enabled", UserRow::enabled),
            new Field("onPremisesProtected", UserRow::onPremisesProtected),
            new Field("primaryEmail", u -> u.contact().primaryEmail()),
            new Field("alternateEmail", u -> u.contact().alternateEmail()),
            new Field("mobilePhone", u -> u.contact().mobilePhone()),
            new Field("officePhone", u -> u.contact().officePhone()),
            new Field("preferredLanguage", UserRow::preferredLanguage));

    private UserFields() {
    }

    /** Each owned attribute that differs, before → after (as text). */
    static List<FieldChangeDto> changed(UserRow before, UserRow after) {
        List<FieldChangeDto> changed = new ArrayList<>();
        for (Field field : FIELDS) {
            Object old = field.value().apply(before);
            Object now = field.value().apply(after);
            if (!Objects.equals(old, now)) {
                changed.add(new FieldChangeDto(field.name(), String.valueOf(old), String.valueOf(now)));
            }
        }
        return changed;
    }
}
