package org.opensspr.server.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.HandlerType;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.Page;
import org.opensspr.api.PolicyDiffDto;
import org.opensspr.api.PolicyDocumentDto;
import org.opensspr.api.PolicyRollbackRequest;
import org.opensspr.api.PolicyUpdateRequest;
import org.opensspr.api.PolicyValidationDto;
import org.opensspr.api.PolicyVersionSummaryDto;
import org.opensspr.api.ProposedPolicyRequest;
import org.opensspr.directory.Permission;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.QueryParam;
import org.opensspr.server.http.Request;

import java.lang.reflect.Type;
import java.util.List;

/**
 * The policy routes: read, validate-only, update, history, one version, diff and rollback. Reading needs
 * READ_POLICY, changing needs MANAGE_POLICY.
 */
public final class PolicyFeature {
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_PAGE = 1_000_000;
    private static final Type PAGE_OF_VERSIONS = new TypeReference<Page<PolicyVersionSummaryDto>>() {
    }.getType();
    private static final Access READ = Access.admin(Permission.READ_POLICY);
    private static final Access MANAGE = Access.admin(Permission.MANAGE_POLICY);

    private final PolicyService service;

    public PolicyFeature(PolicyService service) {
        this.service = service;
    }

    public List<ApiRoute<?>> routes() {
        return List.of(
                ApiRoute.route(HandlerType.GET, "/policy", "The SSPR policy in force and its version", READ)
                        .returns(PolicyDocumentDto.class)
                        .handle(request -> service.current()),
                ApiRoute.route(HandlerType.POST, "/policy/validate",
                                "Checks a policy and lists every violation without storing it", READ)
                        .body(ProposedPolicyRequest.class)
                        .returns(PolicyValidationDto.class)
                        .handle(request -> PolicyValidationDto.of(service.validate(request.body().policy()))),
                ApiRoute.route(HandlerType.PUT, "/policy",
                                "Stores a new policy version if expectedVersion is still the current one", MANAGE)
                        .body(PolicyUpdateRequest.class)
                        .returns(PolicyDocumentDto.class)
                        .errors(ErrorCode.VALIDATION_FAILED, ErrorCode.VERSION_CONFLICT)
                        .handle(request -> service.update(
                                notNegative(request.body().expectedVersion(), "expectedVersion"),
                                request.body().policy(), request.admin().userPrincipalName())),
                ApiRoute.route(HandlerType.GET, "/policy/versions",
                                "The policy's versions, newest first; version 0 is the defaults", READ)
                        .returns(PAGE_OF_VERSIONS)
                        .query(QueryParam.paging())
                        .handle(request -> service.history(request.queryInt("page", 0, 0, MAX_PAGE),
                                request.queryInt("size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE))),
                ApiRoute.route(HandlerType.GET, "/policy/versions/{version}", "One version of the policy", READ)
                        .errors(ErrorCode.WRONG_TYPE, ErrorCode.INVALID_VALUE) // not a whole number; out of range
                        .returns(PolicyDocumentDto.class)
                        .handle(request -> service.version(pathVersion(request))),
                ApiRoute.route(HandlerType.GET, "/policy/diff",
                                "Field-level differences between two versions (?from=&to=)", READ)
                        .returns(PolicyDiffDto.class)
                        .query(QueryParam.integer("from", "the older version"), QueryParam.integer("to", "the newer version"))
                        .errors(ErrorCode.MISSING_FIELD)
                        .handle(request -> service.diff(requiredVersion(request, "from"),
                                requiredVersion(request, "to"))),
                ApiRoute.route(HandlerType.POST, "/policy/rollback",
                                "Stores a new version equal to an older one", MANAGE)
                        .body(PolicyRollbackRequest.class)
                        .returns(PolicyDocumentDto.class)
                        .errors(ErrorCode.VALIDATION_FAILED, ErrorCode.VERSION_CONFLICT)
                        .handle(request -> service.rollback(notNegative(request.body().toVersion(), "toVersion"),
                                notNegative(request.body().expectedVersion(), "expectedVersion"),
                                request.admin().userPrincipalName())));
    }

    private static int notNegative(int value, String field) {
        if (value < 0) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, field, "'" + field + "' must not be negative.");
        }
        return value;
    }

    private static int pathVersion(Request<?> request) {
        String text = request.path("version");
        if (!text.matches("[0-9]{1,9}")) {
            if (text.matches("-?[0-9]+")) {
                throw ApiException.field(ErrorCode.INVALID_VALUE, "version",
                        "'version' must be from 0 to 999999999.");
            }
            throw ApiException.field(ErrorCode.WRONG_TYPE, "version", "'version' must be a whole number.");
        }
        return Integer.parseInt(text);
    }

    private static int requiredVersion(Request<?> request, String name) {
        if (request.query(name).isEmpty()) {
            throw ApiException.field(ErrorCode.MISSING_FIELD, name, "'" + name + "' is required.");
        }
        return request.queryInt(name, 0, 0, Integer.MAX_VALUE);
    }
}
