package org.opensspr.server.policy;

import org.jooq.exception.DataAccessException;
import org.opensspr.api.ApiError;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.FieldChangeDto;
import org.opensspr.api.Page;
import org.opensspr.api.PolicyDocumentDto;
import org.opensspr.api.PolicyVersionSummaryDto;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.PredefinedQuestion;
import org.opensspr.policy.CustomQuestion;
import org.opensspr.policy.CustomizationPolicy;
import org.opensspr.policy.KioskNetworkPolicy;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.PasswordProtectionPolicy;
import org.opensspr.policy.PolicyValidator;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.audit.AuditSeals;
import org.opensspr.server.audit.AuditQuery;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.time.ServerClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;
import static org.opensspr.server.db.Tables.POLICY_VERSION;

class PolicyServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-03T10:15:30.123456Z");
    private static final SsprPolicy DEFAULTS = SsprPolicy.defaults();
    /** Version 1 of the story: one more method, a banned term, reconfirm after 90 days. */
    private static final SsprPolicy FIRST_CHANGE = DEFAULTS
            .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.MOBILE_APP_CODE, AuthMethod.EMAIL,
                    AuthMethod.MOBILE_PHONE, AuthMethod.OFFICE_PHONE), 2, 1, SecurityQuestionsPolicy.defaults()))
            .withRegistration(new RegistrationPolicy(true, 90))
            .withPasswordProtection(new PasswordProtectionPolicy(List.of("contoso"), 10, 60));
    /** Version 2: a lower lockout threshold. */
    private static final SsprPolicy SECOND_CHANGE = FIRST_CHANGE
            .withPasswordProtection(new PasswordProtectionPolicy(List.of("contoso"), 5, 60));

    /** ADR 33: one request acts under one version, read once; another server's save holds from the next request. */
    @OnBothDatabases
    void aRequestReadsThePolicyOnceAndActsUnderThatVersion(Database db) throws Exception {
        PolicyService here = service(db, fixedClock());
        PolicyService otherServer = service(db, fixedClock());
        long statements = db.work().statements();

        Object seen = here.oneVersionPerRequest(() -> {
            PolicyDocumentDto first = here.current();
            // Another server's request, on a thread of its own (outside this request's scope).
            Thread save = Thread.ofPlatform().start(() -> otherServer.update(0, FIRST_CHANGE, "admin@contoso.example"));
            save.join();
            assertThat(here.current()).as("still the version this request began with").isEqualTo(first);
            assertThat(here.currentPolicy()).isEqualTo(DEFAULTS);
            return first.version();
        });

        assertThat(seen).isEqualTo(0);
        assertThat(here.oneVersionPerRequest(() -> here.current().version())).as("the next request")
                .isEqualTo(1);
        assertThat(here.current().version()).as("outside a request, every reading").isEqualTo(1);
        // The first request read the version once, though it asked three times (the other server's save aside).
        long saveStatements = db.work().statements() - statements;
        assertThat(here.oneVersionPerRequest(() -> {
            long before = db.work().statements();
            here.current();
            here.current();
            here.currentPolicy();
            return db.work().statements() - before;
        })).as("statements for three readings in one request").isEqualTo(1L);
        assertThat(saveStatements).isPositive();
    }

    /** ADR 33 inside transactions: a step's work reads the request's version; a save still checks the newest. */
    @OnBothDatabases
    void aTransactionInARequestReadsTheRequestsVersionButASaveChecksTheNewest(Database db) throws Exception {
        PolicyService here = service(db, fixedClock());
        PolicyService otherServer = service(db, fixedClock());

        Object seen = here.oneVersionPerRequest(() -> {
            int first = db.inTransaction(here::current).version();
            Thread save = Thread.ofPlatform().start(() -> otherServer.update(0, FIRST_CHANGE, "admin@contoso.example"));
            save.join();
            long before = db.work().statements();
            assertThat(db.inTransaction(here::current).version()).as("the request's reading").isEqualTo(first);
            assertThat(here.current().version()).isEqualTo(first);
            assertThat(db.work().statements() - before).as("neither reads again").isZero();
            assertThatThrownBy(() -> here.update(0, SECOND_CHANGE, "admin@contoso.example"))
                    .as("saving over version 0 while version 1 is stored").isInstanceOf(ApiException.class)
                    .hasMessageContaining("at version 1 now");
            return first;
        });

        assertThat(seen).isEqualTo(0);
        assertThat(here.current().policy()).isEqualTo(FIRST_CHANGE);
    }

    @OnBothDatabases
    void theRequestThatSavesAVersionActsUnderItFromThenOn(Database db) throws Exception {
        PolicyService service = service(db, fixedClock());

        Object after = service.oneVersionPerRequest(() -> {
            assertThat(service.current().version()).isZero();
            service.update(0, FIRST_CHANGE, "admin@contoso.example");
            return service.current();
        });

        assertThat(((PolicyDocumentDto) after).version()).isEqualTo(1);
        assertThat(((PolicyDocumentDto) after).policy()).isEqualTo(FIRST_CHANGE);
    }

    @OnBothDatabases
    void anEmptyTableMeansVersionZeroWithTheDefaults(Database db) {
        PolicyService service = service(db, fixedClock());

        assertThat(service.current()).isEqualTo(PolicyDocumentDto.defaults());
        assertThat(service.current().policy()).isEqualTo(DEFAULTS);
        assertThat(service.version(0)).isEqualTo(PolicyDocumentDto.defaults());
        assertThat(service.history(0, 10).items()).containsExactly(
                new PolicyVersionSummaryDto(0, PolicyDocumentDto.DEFAULTS_AUTHOR, null, null));
        assertThat(db.dsl().fetchCount(POLICY_VERSION)).isZero();
    }

    @OnBothDatabases
    void updateHistoryDiffAndRollback(Database db) {
        ServerClock clock = fixedClock();
        PolicyService service = service(db, clock);

        PolicyDocumentDto v1 = service.update(0, FIRST_CHANGE, "alice@contoso.example");
        clock.advance(Duration.ofMinutes(5));
        PolicyDocumentDto v2 = service.update(1, SECOND_CHANGE, "bob@contoso.example");
        clock.advance(Duration.ofMinutes(5));

        assertThat(v1).isEqualTo(new PolicyDocumentDto(1, FIRST_CHANGE, "alice@contoso.example", T0, null));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(service.current()).isEqualTo(v2);
        assertThat(service.history(0, 10).items()).containsExactly(
                new PolicyVersionSummaryDto(2, "bob@contoso.example", T0.plus(Duration.ofMinutes(5)), null),
                new PolicyVersionSummaryDto(1, "alice@contoso.example", T0, null),
                PolicyDocumentDto.defaults().summary());

        assertThat(service.diff(0, 1).changes()).containsExactly(
                new FieldChangeDto("methods.enabled", null, "\"OFFICE_PHONE\""),
                new FieldChangeDto("registration.reconfirmDays", "180", "90"),
                new FieldChangeDto("passwordProtection.customBannedTerms", null, "\"contoso\""));
        assertThat(service.diff(1, 2).changes()).containsExactly(
                new FieldChangeDto("passwordProtection.lockoutThreshold", "10", "5"));

        PolicyDocumentDto v3 = service.rollback(1, 2, "carol@contoso.example");

        assertThat(v3).isEqualTo(new PolicyDocumentDto(3, FIRST_CHANGE, "carol@contoso.example",
                T0.plus(Duration.ofMinutes(10)), 1));
        assertThat(service.version(3)).isEqualTo(v3);
        assertThat(service.current().policy()).isEqualTo(service.version(1).policy());
        assertThat(service.diff(1, 3).changes()).isEmpty();
        assertThat(service.diff(2, 3).changes()).containsExactly(
                new FieldChangeDto("passwordProtection.lockoutThreshold", "5", "10"));
        assertThat(service.history(0, 1).items()).containsExactly(v3.summary());

        Page<AuditEventDto> audit = auditLog(db, clock).query(AuditQuery.all(), 0, 10);
        assertThat(audit.items()).extracting(AuditEventDto::activity).containsOnly(AuditActivity.SSPR_POLICY_CHANGES);
        assertThat(audit.items()).extracting(AuditEventDto::actor).containsExactly("carol@contoso.example",
                "bob@contoso.example", "alice@contoso.example");
        assertThat(audit.items()).extracting(AuditEventDto::details).containsExactly(
                "{\"version\":3,\"rolledBackFrom\":1,\"changedFields\":[\"passwordProtection.lockoutThreshold\"]}",
                "{\"version\":2,\"changedFields\":[\"passwordProtection.lockoutThreshold\"]}",
                "{\"version\":1,\"changedFields\":[\"methods.enabled\",\"registration.reconfirmDays\","
                        + "\"passwordProtection.customBannedTerms\"]}");
    }

    @OnBothDatabases
    void aStoredVersionReadsBackAsAnEqualPolicy(TestDatabases kind) {
        SsprPolicy everythingSet = DEFAULTS
                .withScope(ScopePolicy.selected(List.of("pilot", "wave-2")))
                .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.EMAIL, AuthMethod.SECURITY_QUESTIONS,
                        AuthMethod.MOBILE_APP_CODE, AuthMethod.MOBILE_APP_NOTIFICATION), 3, 2,
                        new SecurityQuestionsPolicy(4, 3, EnumSet.of(PredefinedQuestion.FIRST_PET,
                                PredefinedQuestion.FAVORITE_FOOD, PredefinedQuestion.values()[5]),
                                List.of(new CustomQuestion("c1", "Name of our first office dog?"),
                                        new CustomQuestion("c2", "Où était notre première fête d'équipe ?")))))
                .withRegistration(new RegistrationPolicy(true, 730))
                .withCustomization(new CustomizationPolicy(true, "https://help.contoso.example/sspr?x=1&y=%C3%BC",
                        "Contoso – Zürich", "logo-1", "bg-2"))
                .withPasswordProtection(new PasswordProtectionPolicy(List.of("contoso", "zurich"), 7, 120))
                .withKioskNetworks(new KioskNetworkPolicy(List.of("10.0.0.0/8", "2001:db8::/32")));
        assertThat(PolicyValidator.validate(everythingSet)).isEmpty();

        try (Database db = kind.fresh()) {
            service(db, fixedClock()).update(0, everythingSet, "alice@contoso.example");

            PolicyService fresh = service(db, fixedClock());
            assertThat(fresh.version(1).policy()).isEqualTo(everythingSet);
            assertThat(fresh.current().policy()).isEqualTo(everythingSet);
            assertThat(fresh.diff(1, 1).changes()).isEmpty();
        }
    }

    @OnBothDatabases
    void anInvalidUpdateReportsEveryViolationAndWritesNothing(TestDatabases kind) {
        SsprPolicy invalid = FIRST_CHANGE
                .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.EMAIL), 1, 3, SecurityQuestionsPolicy.defaults()))
                .withRegistration(new RegistrationPolicy(true, 800))
                .withPasswordProtection(new PasswordProtectionPolicy(List.of("abc"), 10, 60));
        try (Database db = kind.fresh()) {
            PolicyService service = service(db, fixedClock());
            service.update(0, FIRST_CHANGE, "alice@contoso.example");
            Snapshot before = Snapshot.of(db);

            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> service.update(1, invalid, "mallory@contoso.example"));

            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(e.fieldErrors()).extracting(ApiError.FieldError::field, ApiError.FieldError::code)
                    .containsExactlyElementsOf(PolicyValidator.validate(invalid).stream()
                            .map(v -> org.assertj.core.groups.Tuple.tuple(v.field(), v.code().name())).toList())
                    .contains(org.assertj.core.groups.Tuple.tuple("methods.requiredToReset", "RESET_COUNT_OUT_OF_RANGE"),
                            org.assertj.core.groups.Tuple.tuple("registration.reconfirmDays", "RECONFIRM_DAYS_OUT_OF_RANGE"),
                            org.assertj.core.groups.Tuple.tuple("passwordProtection.customBannedTerms[0]", "BANNED_TERM_LENGTH"));
            assertThat(service.validate(invalid)).hasSize(e.fieldErrors().size());
            assertThat(Snapshot.of(db)).isEqualTo(before);
            assertThat(service.current().version()).isEqualTo(1);
        }
    }

    @OnBothDatabases
    void aRollbackIsRevalidatedUnderTodaysRules(Database db) {
        PolicyService service = service(db, fixedClock());
        // A version stored before a rule was tightened: written directly, as an older server did.
        SsprPolicy nowInvalid = DEFAULTS.withRegistration(new RegistrationPolicy(true, 999));
        db.inTransactionDo(tx -> new PolicyRepository().insert(tx,
                new PolicyDocumentDto(1, nowInvalid, "old-server", T0, null)));
        service.update(1, FIRST_CHANGE, "alice@contoso.example");
        Snapshot before = Snapshot.of(db);

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> service.rollback(1, 2, "alice@contoso.example"));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.fieldErrors()).extracting(ApiError.FieldError::field).containsExactly("registration.reconfirmDays");
        assertThat(Snapshot.of(db)).isEqualTo(before);
    }

    @OnBothDatabases
    void aStaleExpectedVersionIsAConflictAndWritesNothing(Database db) {
        PolicyService service = service(db, fixedClock());
        service.update(0, FIRST_CHANGE, "alice@contoso.example");
        Snapshot before = Snapshot.of(db);

        assertThat(catchThrowableOfType(ApiException.class,
                () -> service.update(0, SECOND_CHANGE, "bob@contoso.example")).code())
                .isEqualTo(ErrorCode.VERSION_CONFLICT);
        assertThat(catchThrowableOfType(ApiException.class,
                () -> service.update(2, SECOND_CHANGE, "bob@contoso.example")).code())
                .isEqualTo(ErrorCode.VERSION_CONFLICT);
        assertThat(catchThrowableOfType(ApiException.class,
                () -> service.rollback(0, 0, "bob@contoso.example")).code())
                .isEqualTo(ErrorCode.VERSION_CONFLICT);
        assertThat(catchThrowableOfType(ApiException.class,
                () -> service.rollback(7, 1, "bob@contoso.example")).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(catchThrowableOfType(ApiException.class, () -> service.diff(0, 2)).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Snapshot.of(db)).isEqualTo(before);

        assertThat(service.rollback(0, 1, "bob@contoso.example").policy()).isEqualTo(DEFAULTS);
    }

    @OnBothDatabases
    void theDatabaseRefusesASecondVersionWithTheSameNumber(Database db) {
        PolicyRepository repository = new PolicyRepository();
        PolicyDocumentDto first = new PolicyDocumentDto(1, FIRST_CHANGE, "alice@contoso.example", T0, null);
        db.inTransactionDo(tx -> repository.insert(tx, first));

        DataAccessException e = catchThrowableOfType(DataAccessException.class, () -> db.inTransactionDo(tx ->
                repository.insert(tx, new PolicyDocumentDto(1, SECOND_CHANGE, "bob@contoso.example", T0, null))));

        assertThat(PolicyRepository.isVersionTaken(e)).isTrue();
        assertThat(repository.find(db.dsl(), 1)).contains(first);
    }

    @OnBothDatabases
    void historyPagesNewestFirstEndingWithTheDefaults(Database db) {
        ServerClock clock = fixedClock();
        PolicyService service = service(db, clock);
        for (int v = 0; v < 5; v++) {
            clock.advance(Duration.ofSeconds(1));
            service.update(v, v % 2 == 0 ? FIRST_CHANGE : SECOND_CHANGE, "admin" + v + "@contoso.example");
        }

        assertThat(versions(service.history(0, 2))).containsExactly(5, 4);
        assertThat(versions(service.history(1, 2))).containsExactly(3, 2);
        assertThat(versions(service.history(2, 2))).containsExactly(1, 0);
        assertThat(versions(service.history(3, 2))).isEmpty();
        assertThat(versions(service.history(1, 4))).containsExactly(1, 0);
        assertThat(versions(service.history(0, 6))).containsExactly(5, 4, 3, 2, 1, 0);
        assertThat(service.history(0, 2).total()).isEqualTo(6);
        assertThat(service.history(2, 2).hasNext()).isFalse();
    }

    @OnBothDatabases
    void readingThePolicyInsideACallersTransactionSeesItsOwnView(Database db) {
        PolicyService service = service(db, fixedClock());
        service.update(0, FIRST_CHANGE, "alice@contoso.example");

        assertThat(db.inTransaction(service::current).policy()).isEqualTo(FIRST_CHANGE);
        assertThat(service.currentPolicy()).isEqualTo(FIRST_CHANGE);
    }

    @OnBothDatabases
    void theAuditEntryIsPartOfTheChangesTransaction(Database db) {
        PolicyService service = service(db, fixedClock());
        // An author longer than its column: the version insert fails after the audit entry was appended.
        String tooLong = "x".repeat(400);

        assertThatThrownBy(() -> service.update(0, FIRST_CHANGE, tooLong)).isInstanceOf(RuntimeException.class);

        assertThat(db.dsl().fetchCount(POLICY_VERSION)).isZero();
        assertThat(db.dsl().fetchCount(AUDIT_EVENT)).isZero();
    }

    private static List<Integer> versions(Page<PolicyVersionSummaryDto> page) {
        return page.items().stream().map(PolicyVersionSummaryDto::version).toList();
    }

    static ServerClock fixedClock() {
        return ServerClock.movable(Clock.fixed(T0, ZoneOffset.UTC));
    }

    static PolicyService service(Database db, Clock clock) {
        return new PolicyService(db, auditLog(db, clock), clock);
    }

    private static AuditLog auditLog(Database db, Clock clock) {
        return new AuditLog(db, clock, AuditSeals.fixed());
    }

    /** Every row of the two tables a policy change writes, to show a refused one wrote nothing. */
    record Snapshot(List<String> versions, List<String> audit) {
        static Snapshot of(Database db) {
            return new Snapshot(
                    db.dsl().selectFrom(POLICY_VERSION).orderBy(POLICY_VERSION.VERSION).fetch()
                            .map(r -> r.formatJSON(org.jooq.JSONFormat.DEFAULT_FOR_RECORDS)),
                    db.dsl().selectFrom(AUDIT_EVENT).orderBy(AUDIT_EVENT.ID).fetch()
                            .map(r -> r.formatJSON(org.jooq.JSONFormat.DEFAULT_FOR_RECORDS)));
        }
    }
}
