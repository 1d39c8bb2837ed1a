package org.opensspr.server.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.opensspr.api.ApiError;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.FieldChangeDto;
import org.opensspr.api.Json;
import org.opensspr.api.Page;
import org.opensspr.api.PolicyDiffDto;
import org.opensspr.api.PolicyDocumentDto;
import org.opensspr.api.PolicyVersionSummaryDto;
import org.opensspr.policy.PolicyValidator;
import org.opensspr.policy.PolicyViolation;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.db.Database;
import org.opensspr.server.http.ApiException;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SSPR policy with its history. Every change stores version N+1 (never overwrites), validated by the
 * shared-model validator, guarded by the version the client saw, and audited in the same transaction.
 * Until the first change the policy is version 0, {@link SsprPolicy#defaults()}.
 */
public final class PolicyService {
    /** The audit target of policy changes. */
    public static final String AUDIT_TARGET = "SSPR policy";
    private static final int MAX_AUDITED_FIELDS = 200;

    private final Database database;
    private final PolicyRepository repository;
    private final AuditLog auditLog;
    private final Clock clock;
    private final PolicyReferenceCheck references;
    private final ObjectMapper json = Json.newMapper();
    /** Versions never change once stored, so the last one read stays right until a newer one exists. */
    private final AtomicReference<PolicyDocumentDto> lastCommitted = new AtomicReference<>();
    /** The version the current request read first ({@link #oneVersionPerRequest}); this service's own. */
    private final ScopedValue<AtomicReference<PolicyDocumentDto>> readInThisRequest = ScopedValue.newInstance();

    public PolicyService(Database database, AuditLog auditLog, Clock clock) {
        this(database, auditLog, clock, PolicyReferenceCheck.NONE);
    }

    /** @param references checks what the policy names on the server (e.g. branding images exist) */
    public PolicyService(Database database, AuditLog auditLog, Clock clock, PolicyReferenceCheck references) {
        this.database = database;
        this.repository = new PolicyRepository();
        this.auditLog = auditLog;
        this.clock = clock;
        this.references = references;
    }

    /**
     * Runs a request that reads the current policy at most once (ADR 33): all of it, from the network check to
     * its last step, acts under one version, and a version stored meanwhile holds from the next request on.
     */
    public Object oneVersionPerRequest(java.util.concurrent.Callable<Object> request) throws Exception {
        return ScopedValue.where(readInThisRequest, new AtomicReference<PolicyDocumentDto>()).call(request::call);
    }

    /** The policy in force now with its version: in a request, as its first reading found it. */
    public PolicyDocumentDto current() {
        return onceInThisRequest(this::latest);
    }

    /** Outside a request, {@code read}; in one, the request's first reading, made by {@code read} if none yet. */
    private PolicyDocumentDto onceInThisRequest(java.util.function.Supplier<PolicyDocumentDto> read) {
        if (!readInThisRequest.isBound()) {
            return read.get();
        }
        AtomicReference<PolicyDocumentDto> first = readInThisRequest.get();
        if (first.get() == null) {
            first.set(read.get());
        }
        return first.get();
    }

    private PolicyDocumentDto latest() {
        DSLContext dsl = database.dsl();
        Integer latest = repository.latestVersionNumber(dsl).orElse(null);
        if (latest == null) {
            return PolicyDocumentDto.defaults();
        }
        PolicyDocumentDto cached = lastCommitted.get();
        if (cached != null && cached.version() == latest) {
            return cached;
        }
        PolicyDocumentDto document = repository.find(dsl, latest).orElseThrow();
        lastCommitted.set(document);
        return document;
    }

    public SsprPolicy currentPolicy() {
        return current().policy();
    }

    /**
     * The policy in force as seen by the caller's transaction (for services that act on it in one); in a request
     * that has read it already, that reading (ADR 33), and the first reading otherwise.
     */
    public PolicyDocumentDto current(DSLContext tx) {
        return onceInThisRequest(() -> latest(tx));
    }

    /** The newest version as {@code tx} sees it, whatever the request read before. */
    private PolicyDocumentDto latest(DSLContext tx) {
        return repository.latest(tx).orElseGet(PolicyDocumentDto::defaults);
    }

    /** One version; 0 is the defaults. */
    public PolicyDocumentDto version(int version) {
        if (version == 0) {
            return PolicyDocumentDto.defaults();
        }
        return repository.find(database.dsl(), version)
                .orElseThrow(() -> ApiException.notFound("Policy version " + version));
    }

    /** Every violation of {@code policy}, the validator's and what it refers to on the server; stores nothing. */
    public List<PolicyViolation> validate(SsprPolicy policy) {
        List<PolicyViolation> violations = new ArrayList<>(PolicyValidator.validate(policy));
        violations.addAll(references.violations(policy));
        return List.copyOf(violations);
    }

    /** Stores {@code policy} as the next version if the current one is {@code expectedVersion}. */
    public PolicyDocumentDto update(int expectedVersion, SsprPolicy policy, String author) {
        requireValid(policy);
        return storeNext(expectedVersion, policy, author, null);
    }

    /** Stores the next version with the policy of {@code toVersion}, re-validated under today's rules. */
    public PolicyDocumentDto rollback(int toVersion, int expectedVersion, String author) {
        PolicyDocumentDto target = version(toVersion);
        requireValid(target.policy());
        return storeNext(expectedVersion, target.policy(), author, toVersion);
    }

    /**
     * Versions newest first. Version 0 (the defaults) comes last, so a diff or rollback to the very
     * beginning can be chosen from the history like any other version.
     */
    public Page<PolicyVersionSummaryDto> history(int page, int size) {
        DSLContext dsl = database.dsl();
        int stored = repository.count(dsl);
        long offset = (long) page * size;
        List<PolicyVersionSummaryDto> items = new ArrayList<>();
        if (offset < stored) {
            items.addAll(repository.summaries(dsl, offset, size));
        }
        if (offset <= stored && stored < offset + size) {
            items.add(PolicyDocumentDto.defaults().summary());
        }
        return new Page<>(items, stored + 1L, page, size);
    }

    /** What changed from version {@code from} to version {@code to}. */
    public PolicyDiffDto diff(int from, int to) {
        PolicyDocumentDto before = version(from);
        PolicyDocumentDto after = version(to);
        return new PolicyDiffDto(from, to, changes(before.policy(), after.policy()));
    }

    private PolicyDocumentDto storeNext(int expectedVersion, SsprPolicy policy, String author,
                                        Integer rolledBackFrom) {
        PolicyDocumentDto stored;
        try {
            stored = database.inTransaction(tx -> {
                PolicyDocumentDto current = latest(tx); // the version check: never the request's earlier reading
                if (current.version() != expectedVersion) {
                    throw conflict(expectedVersion, current.version());
                }
                PolicyDocumentDto next = new PolicyDocumentDto(current.version() + 1, policy, author,
                        clock.instant().truncatedTo(ChronoUnit.MICROS), rolledBackFrom);
                // Audit first: if storing the version then fails, the entry goes with it.
                auditLog.append(tx, AuditEntry.success(AuditActivity.SSPR_POLICY_CHANGES, author, AUDIT_TARGET)
                        .withDetails(auditDetails(next, changes(current.policy(), policy))));
                repository.insert(tx, next);
                return next;
            });
        } catch (DataAccessException e) {
            // Two writers read the same current version; the primary key let the other one store it first.
            if (PolicyRepository.isVersionTaken(e)) {
                throw conflict(expectedVersion, expectedVersion + 1);
            }
            throw e;
        }
        lastCommitted.set(stored);
        if (readInThisRequest.isBound()) {
            readInThisRequest.get().set(stored); // the rest of the request that stored it acts under it
        }
        return stored;
    }

    /** Throws VALIDATION_FAILED listing every violation, as an update would; for services that take a policy. */
    public void requireValid(SsprPolicy policy) {
        List<PolicyViolation> violations = validate(policy);
        if (!violations.isEmpty()) {
            List<ApiError.FieldError> fieldErrors = violations.stream()
                    .map(v -> new ApiError.FieldError(v.field(), v.code().name(), v.reason()))
                    .toList();
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "The policy has " + violations.size()
                    + (violations.size() == 1 ? " problem" : " problems") + "; nothing was stored.", fieldErrors,
                    null);
        }
    }

    private static ApiException conflict(int expected, int current) {
        return new ApiException(ErrorCode.VERSION_CONFLICT, "The policy is at version " + current
                + " now, not " + expected + ": someone else changed it. Reload it and apply your change again.");
    }

    private List<FieldChangeDto> changes(SsprPolicy before, SsprPolicy after) {
        return JsonTreeDiff.between(json.valueToTree(before), json.valueToTree(after));
    }

    private String auditDetails(PolicyDocumentDto next, List<FieldChangeDto> changes) {
        ObjectNode details = json.createObjectNode().put("version", next.version());
        if (next.rolledBackFrom() != null) {
            details.put("rolledBackFrom", next.rolledBackFrom());
        }
        var fields = details.putArray("changedFields");
        changes.stream().map(FieldChangeDto::path).distinct().limit(MAX_AUDITED_FIELDS).forEach(fields::add);
        long distinct = changes.stream().map(FieldChangeDto::path).distinct().count();
        if (distinct > MAX_AUDITED_FIELDS) {
            details.put("moreChangedFields", distinct - MAX_AUDITED_FIELDS);
        }
        return details.toString();
    }
}
