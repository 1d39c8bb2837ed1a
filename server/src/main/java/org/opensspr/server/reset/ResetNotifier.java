package org.opensspr.server.reset;

import org.jooq.DSLContext;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.Role;
import org.opensspr.flow.FlowCompletion;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.codes.VerificationCodes;
import org.opensspr.server.delivery.EmailMessage;
import org.opensspr.server.delivery.MailContact;
import org.opensspr.server.delivery.Outbox;
import org.opensspr.server.delivery.ResetNotifications;
import org.opensspr.server.policy.PolicyService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.USER_ROLE;

/**
 * After a reset or unlock: drops the user's outstanding codes and queues the notifications the
 * policy asks for (the user; all Global Administrators when an administrator reset), in the same
 * transaction, so they go out only if the reset commits.
 */
final class ResetNotifier implements ResetCompletion.CompletionListener {
    private final PolicyService policies;
    private final ResetNotifications compose;
    private final Outbox outbox;
    private final VerificationCodes codes;

    ResetNotifier(PolicyService policies, ResetNotifications compose, Outbox outbox, VerificationCodes codes) {
        this.policies = policies;
        this.compose = compose;
        this.outbox = outbox;
        this.codes = codes;
    }

    @Override
    public void completed(DSLContext tx, FlowRecord flow, DirectoryUser user, FlowCompletion completion, Instant now) {
        codes.invalidateForUser(tx, user.id());
        queue(tx, user, completion, now);
    }

    /** Queues what the policy asks to be told of this reset or unlock; answers how many messages. */
    int queue(DSLContext tx, DirectoryUser user, FlowCompletion completion, Instant now) {
        SsprPolicy policy = policies.current(tx).policy();
        String organization = policy.customization().organizationName();
        MailContact contact = MailContact.of(user);
        List<EmailMessage> messages = new ArrayList<>();
        if (policy.notifications().notifyUsersOnReset()) {
            messages.addAll(completion == FlowCompletion.PASSWORD_RESET
                    ? compose.passwordReset(contact, organization, now)
                    : compose.accountUnlocked(contact, organization, now));
        }
        if (completion == FlowCompletion.PASSWORD_RESET && user.isAdministrator()
                && policy.notifications().notifyAdminsOnAdminReset()) {
            messages.addAll(compose.administratorReset(contact, globalAdministrators(tx), organization, now));
        }
        outbox.enqueueAll(tx, messages);
        return messages.size();
    }

    private static List<MailContact> globalAdministrators(DSLContext tx) {
        return tx.select(DIRECTORY_USER.DISPLAY_NAME, DIRECTORY_USER.UPN, DIRECTORY_USER.PRIMARY_EMAIL,
                        DIRECTORY_USER.ALTERNATE_EMAIL, DIRECTORY_USER.PREFERRED_LANGUAGE)
                .from(DIRECTORY_USER).join(USER_ROLE).on(USER_ROLE.USER_ID.eq(DIRECTORY_USER.ID))
                .where(USER_ROLE.ROLE.eq(Role.GLOBAL_ADMINISTRATOR.name())).and(DIRECTORY_USER.ENABLED.isTrue())
                .fetch(r -> new MailContact(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }
}
