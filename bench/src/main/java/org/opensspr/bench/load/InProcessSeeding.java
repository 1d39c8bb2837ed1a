package org.opensspr.bench.load;

import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.UserSource;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.PredefinedQuestion;
import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.crypto.Base32;
import org.opensspr.server.directory.DirectoryRepository;
import org.opensspr.server.directory.UserRow;
import org.opensspr.server.secinfo.QuestionAnswer;
import org.opensspr.server.secinfo.SecurityAnswers;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the load's people straight into an in-process server, in one transaction, with what the plan's gates
 * need: contact data (an alternate email and their own phones, which count as registered as an administrator's
 * would), an Authenticator app with a seed of its own (the server's demo-and-test registration with a chosen
 * seed), or three security answers. Everyone's answers are the same three, hashed once and stored for each: the
 * seeding would otherwise cost three hashes a person, and the gate's work (a hash per question asked) is the same.
 */
final class InProcessSeeding {
    static final Map<String, String> ANSWERS = Map.of(PredefinedQuestion.FIRST_PET.name(), "Rex the load dog",
            PredefinedQuestion.FAVORITE_FOOD.name(), "Pho with lime", PredefinedQuestion.CHILDHOOD_HERO.name(),
            "Grace Hopper");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SEED_BYTES = 20;

    private InProcessSeeding() {
    }

    static List<LoadUser> seed(OpenSsprServer server, MethodPlan plan, int count) {
        List<LoadUser> users = new ArrayList<>();
        List<UserRow> rows = new ArrayList<>();
        Instant now = Instant.now();
        for (int n = 1; n <= count; n++) {
            LoadUser user = LoadUser.numbered("load", n);
            users.add(user);
            rows.add(new UserRow(UUID.randomUUID().toString(), user.userPrincipalName(), user.name(), "Load",
                    user.name() + " Load", UserSource.CLOUD, true, false, new ContactInfo(user.userPrincipalName(),
                    user.alternateEmail(), user.mobilePhone(), user.officePhone()), "en-US", false, now, now));
        }
        SecurityAnswers.Prepared answers = plan.passes(AuthMethod.SECURITY_QUESTIONS)
                ? server.securityAnswers().prepare(ANSWERS.entrySet().stream()
                        .map(a -> new QuestionAnswer(a.getKey(), a.getValue())).toList(),
                MethodPlan.QUESTIONS)
                : null;
        server.database().inTransactionDo(tx -> {
            new DirectoryRepository().insertUsers(tx, rows);
            for (int i = 0; i < rows.size(); i++) {
                String id = rows.get(i).id();
                if (plan.needsApp()) {
                    byte[] seed = new byte[SEED_BYTES];
                    RANDOM.nextBytes(seed);
                    server.userTotp().registerWithSecret(tx, id, Base32.encode(seed));
                    users.set(i, users.get(i).withApp(new AuthenticatorApp(seed, server.userTotp().pushTopic(seed))));
                }
                if (answers != null) {
                    server.securityAnswers().store(tx, id, answers);
                    users.set(i, users.get(i).withAnswers(ANSWERS));
                }
            }
        });
        return List.copyOf(users);
    }
}
