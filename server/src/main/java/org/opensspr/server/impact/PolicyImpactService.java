package org.opensspr.server.impact;

import org.opensspr.api.PolicyDocumentDto;
import org.opensspr.api.PolicyImpactDto;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.db.Database;
import org.opensspr.server.policy.PolicyService;
import org.opensspr.server.reset.EffectivePolicy;

/**
 * The impact preview: what saving a proposed policy would do to every enabled user. The users either policy can
 * find anything about (those of the scopes' groups and the administrators, or everyone when a policy covers
 * everyone) are read in a handful of statements as the engines' inputs ({@link ScopedInputs}), and the engines run
 * once per distinct inputs ({@link CountedComparison}).
 */
public final class PolicyImpactService {
    private final Database database;
    private final PolicyService policies;
    private final EffectivePolicy effective;

    /** @param effective the policy as kiosks meet it (the reset module's), applied to both sides */
    public PolicyImpactService(Database database, PolicyService policies, EffectivePolicy effective) {
        this.database = database;
        this.policies = policies;
        this.effective = effective;
    }

    /** @throws org.opensspr.server.http.ApiException VALIDATION_FAILED when {@code proposed} could not be saved */
    public PolicyImpactDto impact(SsprPolicy proposed) {
        policies.requireValid(proposed);
        return database.inTransaction(tx -> {
            PolicyDocumentDto current = policies.current(tx);
            SsprPolicy before = effective.apply(current.policy());
            SsprPolicy after = effective.apply(proposed);
            return new CountedComparison(effective).compare(tx, current.version(), before, after,
                    ScopedInputs.read(tx, before, after));
        });
    }
}
