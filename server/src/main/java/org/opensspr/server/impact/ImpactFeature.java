package org.opensspr.server.impact;

import io.javalin.http.HandlerType;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.PolicyImpactDto;
import org.opensspr.api.ProposedPolicyRequest;
import org.opensspr.directory.Permission;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiRoute;

import java.util.List;

/** The console's impact preview before saving a policy. */
public final class ImpactFeature {
    private final PolicyImpactService service;

    public ImpactFeature(PolicyImpactService service) {
        this.service = service;
    }

    public List<ApiRoute<?>> routes() {
        return List.of(ApiRoute.route(HandlerType.POST, "/policy/impact",
                        "Users a proposed policy would newly leave out of scope, leave unable to reset, or ask to"
                                + " register (counts, and up to 200 users each by UPN)",
                        Access.admin(Permission.MANAGE_POLICY))
                .body(ProposedPolicyRequest.class)
                .returns(PolicyImpactDto.class)
                .errors(ErrorCode.VALIDATION_FAILED)
                .handle(r -> service.impact(r.body().policy())));
    }
}
