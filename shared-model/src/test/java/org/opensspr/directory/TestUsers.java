package org.opensspr.directory;

import org.opensspr.methods.AuthMethod;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Builds directory users for tests in a few readable calls. */
public final class TestUsers {
    public static final Instant REGISTERED = Instant.parse("2026-01-15T09:00:00Z");

    private final String id;
    private boolean enabled = true;
    private UserSource source = UserSource.CLOUD;
    private boolean protectedOnPrem;
    private final Set<Role> roles = EnumSet.noneOf(Role.class);
    private String alternateEmail = "";
    private String mobile = "";
    private String office = "";
    private final List<MethodRegistration> registrations = new ArrayList<>();

    private TestUsers(String id) {
        this.id = id;
    }

    public static TestUsers user(String id) {
        return new TestUsers(id);
    }

    public TestUsers disabled() {
        enabled = false;
        return this;
    }

    public TestUsers onPremises() {
        source = UserSource.ON_PREMISES;
        return this;
    }

    public TestUsers protectedOnPremises() {
        source = UserSource.ON_PREMISES;
        protectedOnPrem = true;
        return this;
    }

    public TestUsers role(Role role) {
        roles.add(role);
        return this;
    }

    public TestUsers email() {
        alternateEmail = id + "@private.example";
        return this;
    }

    public TestUsers mobile() {
        mobile = "+1 425 555 0100";
        return this;
    }

    public TestUsers office() {
        office = "+1 425 555 0199";
        return this;
    }

    public TestUsers authenticator() {
        registrations.add(MethodRegistration.of(AuthMethod.Registration.AUTHENTICATOR_APP, REGISTERED));
        return this;
    }

    public TestUsers questions(String... questionIds) {
        registrations.add(MethodRegistration.securityQuestions(Set.of(questionIds), REGISTERED));
        return this;
    }

    /** Registers the methods' data: email, phones, app, or three predefined questions. */
    public TestUsers with(AuthMethod.Registration... kinds) {
        for (AuthMethod.Registration kind : kinds) {
            switch (kind) {
                case EMAIL -> email();
                case MOBILE_PHONE -> mobile();
                case OFFICE_PHONE -> office();
                case AUTHENTICATOR_APP -> authenticator();
                case SECURITY_QUESTIONS -> questions("FIRST_PET", "FAVORITE_FOOD", "CHILDHOOD_HERO");
            }
        }
        return this;
    }

    public DirectoryUser build() {
        return new DirectoryUser(id, id + "@contoso.example", "Given" + id, "Sur" + id, id, source, enabled, false,
                new ContactInfo(id + "@contoso.example", alternateEmail, mobile, office), "en-US", roles,
                protectedOnPrem, registrations);
    }
}
