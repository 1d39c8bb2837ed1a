package org.opensspr.server.api;

import org.jooq.DSLContext;
import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.Role;
import org.opensspr.directory.UserSource;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.directory.DirectoryRepository;
import org.opensspr.server.directory.GroupRepository;
import org.opensspr.server.directory.GroupRow;
import org.opensspr.server.directory.UserRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes directory users with their security info and groups straight through the repositories, in
 * batches: for tests that need many people, or people with exact registrations, without the HTTP round trips.
 */
public final class DirectoryWriter {
    static final Instant AT = Instant.parse("2026-11-01T09:00:00Z");
    private static final Set<String> THREE_QUESTIONS = Set.of("FIRST_PET", "FAVORITE_FOOD", "CHILDHOOD_HERO");

    private final List<UserRow> users = new ArrayList<>();
    private final Map<String, List<MethodRegistration>> registrations = new HashMap<>();
    private final Map<String, Set<Role>> roles = new HashMap<>();
    private final List<GroupRow> groups = new ArrayList<>();
    private final List<Map.Entry<String, String>> userMembers = new ArrayList<>();
    private final List<Map.Entry<String, String>> groupMembers = new ArrayList<>();
    private final Map<String, String> idsByName = new HashMap<>();

    /**
     * A user whose {@code data} says what they have: e (alternate email), m (mobile), o (office phone),
     * a (Authenticator app), q (three security questions), "-" for nothing; "disabled" and "admin" as words.
     */
    public DirectoryWriter user(String name, String data) {
        String id = UUID.randomUUID().toString();
        idsByName.put(name, id);
        List<String> items = List.of(data.split(" "));
        ContactInfo contact = new ContactInfo(name + "@contoso.example",
                items.contains("e") ? name + "@private.example" : "", items.contains("m") ? "+1 425 555 0100" : "",
                items.contains("o") ? "+1 425 555 0199" : "");
        users.add(new UserRow(id, name + "@contoso.example", name, "Example", name + " Example", UserSource.CLOUD,
                !items.contains("disabled"), false, contact, "en-US", false, AT, AT));
        List<MethodRegistration> own = new ArrayList<>();
        if (items.contains("a")) {
            own.add(MethodRegistration.of(AuthMethod.Registration.AUTHENTICATOR_APP, AT));
        }
        if (items.contains("q")) {
            own.add(MethodRegistration.securityQuestions(THREE_QUESTIONS, AT));
        }
        registrations.put(id, own);
        if (items.contains("admin")) {
            roles.put(id, EnumSet.of(Role.HELPDESK_ADMINISTRATOR));
        }
        return this;
    }

    public DirectoryWriter group(String name, String... members) {
        String id = idsByName.computeIfAbsent(name, n -> UUID.randomUUID().toString());
        groups.add(new GroupRow(id, name, "", AT));
        for (String member : members) {
            String memberId = idsByName.get(member);
            boolean isGroup = groups.stream().anyMatch(g -> g.id().equals(memberId));
            (isGroup ? groupMembers : userMembers).add(Map.entry(id, memberId));
        }
        return this;
    }

    public String id(String name) {
        return idsByName.get(name);
    }

    public void writeTo(DSLContext tx) {
        DirectoryRepository directory = new DirectoryRepository();
        GroupRepository groupRepository = new GroupRepository();
        directory.insertUsers(tx, users);
        directory.insertRegistrations(tx, registrations);
        directory.insertRoles(tx, roles);
        groupRepository.insertGroups(tx, groups);
        groupRepository.insertUserMembers(tx, userMembers);
        groupMembers.forEach(pair -> groupRepository.addGroupMember(tx, pair.getKey(), pair.getValue()));
    }
}
