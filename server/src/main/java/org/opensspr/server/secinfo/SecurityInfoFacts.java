package org.opensspr.server.secinfo;

import org.jooq.DSLContext;
import org.opensspr.api.RegisteredInfoDto;
import org.opensspr.api.SecurityInfoDto;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.Masking;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.RegistrationSource;
import org.opensspr.eligibility.EligibilityEngine;
import org.opensspr.eligibility.RegistrationRequirement;
import org.opensspr.eligibility.SignInPrompt;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.AuthMethod.Registration;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.db.DbTime;
import org.opensspr.server.directory.SqlGroupMembership;

import java.time.Instant;
import org.opensspr.server.phone.PhoneNumbers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.opensspr.server.db.Tables.SECURITY_INFO_REVIEW;

/**
 * What a user's security info is and allows, read inside the caller's transaction: what sign-in asks, what they
 * have (masked), what they may add, what they can prove again, and whether changes wait for a proof. Only
 * {@link #reviewed} writes. The operations that change security info live in {@link SecurityInfoService}.
 */
final class SecurityInfoFacts {
    /** What users may register themselves today; the phones arrive with their delivery (issue 13). */
    static final Set<Registration> SELF_REGISTRABLE =
            EnumSet.of(Registration.AUTHENTICATOR_APP, Registration.EMAIL, Registration.SECURITY_QUESTIONS,
                    Registration.MOBILE_PHONE, Registration.OFFICE_PHONE);

    private SecurityInfoFacts() {
    }

    /** The user's security info as the session shows it. */
    static SecurityInfoDto view(DSLContext tx, SecurityInfoSessions.Session session, DirectoryUser user,
                                SsprPolicy policy, Instant now) {
        Set<Registration> counted = RegistrationRequirement.counted(policy, user);
        List<RegisteredInfoDto> registered = new ArrayList<>();
        for (Registration kind : Registration.values()) {
            registered(user, kind, counted.contains(kind)).ifPresent(registered::add);
        }
        return new SecurityInfoDto(prompt(tx, policy, user, now), registered, available(user, policy),
                RegistrationRequirement.required(policy, user), counted.size(), proofRequired(session, user, policy),
                session.expiresAt());
    }

    /** One registration, masked; the app's and the questions' rows always go with their registration. */
    private static Optional<RegisteredInfoDto> registered(DirectoryUser user, Registration kind, boolean counts) {
        Optional<MethodRegistration> registration = user.registration(kind);
        String display = switch (kind) {
            case EMAIL -> masked(user.contact().alternateEmail(), Masking::email);
            case MOBILE_PHONE -> masked(user.contact().mobilePhone(), Masking::phone);
            case OFFICE_PHONE -> masked(user.contact().officePhone(), Masking::phone);
            case AUTHENTICATOR_APP -> registration.map(r -> "").orElse(null);
            case SECURITY_QUESTIONS -> registration.map(r -> Integer.toString(r.questionIds().size())).orElse(null);
        };
        return Optional.ofNullable(display).map(shown -> new RegisteredInfoDto(kind, shown,
                registration.map(MethodRegistration::source).orElse(RegistrationSource.ADMIN_PREFILL), counts,
                registration.map(MethodRegistration::registeredAt).orElse(null)));
    }

    private static String masked(String value, java.util.function.UnaryOperator<String> mask) {
        return value.isEmpty() ? null : mask.apply(value);
    }

    /** What the user may add: enabled by the policy, allowed for them, and registrable here today. */
    static List<Registration> available(DirectoryUser user, SsprPolicy policy) {
        Set<Registration> kinds = EnumSet.noneOf(Registration.class);
        for (var method : policy.methods().enabled()) {
            if (!user.isAdministrator() || method.allowedForAdministrators()) {
                kinds.add(method.registration());
            }
        }
        kinds.retainAll(SELF_REGISTRABLE);
        return List.copyOf(kinds);
    }

    /**
     * The registered methods this server can prove again: the app, the email, phones it can reach (the policy
     * in effect enables them and the number can be dialled), and (not for admins) questions.
     */
    static Set<Registration> provable(DirectoryUser user, SsprPolicy policy) {
        Set<Registration> kinds = EnumSet.noneOf(Registration.class);
        if (user.registration(Registration.AUTHENTICATOR_APP).isPresent()) {
            kinds.add(Registration.AUTHENTICATOR_APP);
        }
        if (!user.contact().alternateEmail().isEmpty()) {
            kinds.add(Registration.EMAIL);
        }
        if (policy.methods().isEnabled(AuthMethod.MOBILE_PHONE)
                && PhoneNumbers.dialable(user.contact().mobilePhone()).isPresent()) {
            kinds.add(Registration.MOBILE_PHONE);
        }
        if (policy.methods().isEnabled(AuthMethod.OFFICE_PHONE)
                && PhoneNumbers.dialable(user.contact().officePhone()).isPresent()) {
            kinds.add(Registration.OFFICE_PHONE);
        }
        if (!user.isAdministrator() && user.registration(Registration.SECURITY_QUESTIONS)
                .map(r -> r.questionIds().size() >= policy.methods().securityQuestions().toReset()).orElse(false)) {
            kinds.add(Registration.SECURITY_QUESTIONS);
        }
        return kinds;
    }

    /**
     * Whether changes wait for a proof: the password alone (sign-in) may add a first method, but once the user
     * has one this server can check, changing anything needs it proven again in this session (docs/design.md §7).
     */
    static boolean proofRequired(SecurityInfoSessions.Session session, DirectoryUser user, SsprPolicy policy) {
        return !session.proven() && !provable(user, policy).isEmpty();
    }

    static boolean complete(SsprPolicy policy, DirectoryUser user) {
        return RegistrationRequirement.registered(policy, user) >= RegistrationRequirement.required(policy, user);
    }

    static SignInPrompt prompt(DSLContext tx, SsprPolicy policy, DirectoryUser user, Instant now) {
        boolean inScope = new EligibilityEngine(new SqlGroupMembership(tx)).isEnabledFor(policy, user);
        return RegistrationRequirement.prompt(policy, user, inScope, lastConfirmed(tx, user), now);
    }

    /** When the user last registered or confirmed their info themselves: what reconfirmation counts from. */
    private static Optional<Instant> lastConfirmed(DSLContext tx, DirectoryUser user) {
        Optional<Instant> reviewed = tx.select(SECURITY_INFO_REVIEW.CONFIRMED_AT).from(SECURITY_INFO_REVIEW)
                .where(SECURITY_INFO_REVIEW.USER_ID.eq(user.id())).fetchOptional(SECURITY_INFO_REVIEW.CONFIRMED_AT)
                .map(DbTime::instant);
        Stream<Instant> registered = user.registrations().stream()
                .filter(r -> r.source() == RegistrationSource.USER).map(MethodRegistration::registeredAt);
        return Stream.concat(reviewed.stream(), registered).max(Instant::compareTo);
    }

    /** The user confirmed (or just registered) their info now. */
    static void reviewed(DSLContext tx, String userId, Instant now) {
        int updated = tx.update(SECURITY_INFO_REVIEW).set(SECURITY_INFO_REVIEW.CONFIRMED_AT, DbTime.of(now))
                .where(SECURITY_INFO_REVIEW.USER_ID.eq(userId)).execute();
        if (updated == 0) {
            tx.insertInto(SECURITY_INFO_REVIEW).set(SECURITY_INFO_REVIEW.USER_ID, userId)
                    .set(SECURITY_INFO_REVIEW.CONFIRMED_AT, DbTime.of(now)).execute();
        }
    }
}
