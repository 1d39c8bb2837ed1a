package org.opensspr.server.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.opensspr.api.Json;
import org.opensspr.api.PolicyDocumentDto;
import org.opensspr.api.PolicyVersionSummaryDto;
import org.opensspr.policy.SsprPolicy;

import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.opensspr.server.db.Tables.POLICY_VERSION;

/**
 * Stored policy versions (table {@code policy_version}); the policy is kept as the API's JSON. Versions are
 * only ever inserted: the primary key on {@code version} makes two writers of the same number collide.
 */
public final class PolicyRepository {
    /** SQLSTATE for a unique or primary-key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final ObjectMapper json = Json.newMapper();

    /** The highest stored version number, or empty when nothing is stored yet. */
    public Optional<Integer> latestVersionNumber(DSLContext dsl) {
        return Optional.ofNullable(dsl.select(DSL.max(POLICY_VERSION.VERSION))
                .from(POLICY_VERSION).fetchOne().value1());
    }

    public Optional<PolicyDocumentDto> latest(DSLContext dsl) {
        return dsl.selectFrom(POLICY_VERSION).orderBy(POLICY_VERSION.VERSION.desc()).limit(1)
                .fetchOptional(this::toDocument);
    }

    public Optional<PolicyDocumentDto> find(DSLContext dsl, int version) {
        return dsl.selectFrom(POLICY_VERSION).where(POLICY_VERSION.VERSION.eq(version))
                .fetchOptional(this::toDocument);
    }

    /** Stored versions newest first, without their policies. */
    public List<PolicyVersionSummaryDto> summaries(DSLContext dsl, long offset, int limit) {
        return dsl.select(POLICY_VERSION.VERSION, POLICY_VERSION.AUTHOR, POLICY_VERSION.CREATED_AT,
                        POLICY_VERSION.ROLLED_BACK_FROM)
                .from(POLICY_VERSION)
                .orderBy(POLICY_VERSION.VERSION.desc())
                .limit(limit)
                .offset(offset)
                .fetch(row -> new PolicyVersionSummaryDto(row.value1(), row.value2(), row.value3().toInstant(),
                        row.value4()));
    }

    public int count(DSLContext dsl) {
        return dsl.fetchCount(POLICY_VERSION);
    }

    /** Inserts a new version; a version that exists already fails with {@link #isVersionTaken}. */
    public void insert(DSLContext dsl, PolicyDocumentDto document) {
        dsl.insertInto(POLICY_VERSION)
                .set(POLICY_VERSION.VERSION, document.version())
                .set(POLICY_VERSION.POLICY_JSON, write(document.policy()))
                .set(POLICY_VERSION.AUTHOR, document.author())
                .set(POLICY_VERSION.CREATED_AT, document.createdAt().atOffset(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.MICROS))
                .set(POLICY_VERSION.ROLLED_BACK_FROM, document.rolledBackFrom())
                .execute();
    }

    /** Whether {@code e} says the version number was stored by someone else first. */
    public static boolean isVersionTaken(DataAccessException e) {
        return UNIQUE_VIOLATION.equals(e.sqlState());
    }

    private PolicyDocumentDto toDocument(Record row) {
        return new PolicyDocumentDto(row.get(POLICY_VERSION.VERSION), read(row.get(POLICY_VERSION.POLICY_JSON)),
                row.get(POLICY_VERSION.AUTHOR), row.get(POLICY_VERSION.CREATED_AT).toInstant(),
                row.get(POLICY_VERSION.ROLLED_BACK_FROM));
    }

    private String write(SsprPolicy policy) {
        try {
            return json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The policy could not be written as JSON", e);
        }
    }

    private SsprPolicy read(String text) {
        try {
            return json.readValue(text, SsprPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored policy version could not be read", e);
        }
    }
}
