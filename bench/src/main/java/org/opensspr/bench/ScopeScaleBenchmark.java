package org.opensspr.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.opensspr.api.PolicyImpactDto;
import org.opensspr.api.RegistrationInsightsDto;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.audit.AuditSeal;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.directory.BulkDirectory;
import org.opensspr.server.directory.SqlGroupMembership;
import org.opensspr.server.impact.PolicyImpactService;
import org.opensspr.server.insights.InsightsReport;
import org.opensspr.server.policy.PolicyService;
import org.opensspr.server.reset.EffectivePolicy;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Scope at scale: {@code users} people in {@code groups} groups nested in a tree of fives eight levels deep
 * ({@link BulkDirectory#nestGroups}: each person in one leaf, three in four with security questions, half with an
 * office phone). The policy's scope is five groups two levels below the root, about a fifth of everyone. Measured:
 * the impact preview (what POST /policy/impact computes) of a change of methods that also adds two groups to the
 * scope; who the scope covers (its expansion through the nesting); the kiosk's question, whether one person is
 * in it; and Usage &amp; insights' registration now under the policy in force. Loaded once into
 * {@code bench/target/scope-scale/}. Read the figures as ratios of one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
public class ScopeScaleBenchmark {
    /** Five of the 25 groups two levels below the root. */
    static final List<String> SCOPE = List.of("g000006", "g000007", "g000008", "g000009", "g000010");
    static final List<String> GROWN_SCOPE = List.of("g000006", "g000007", "g000008", "g000009", "g000010",
            "g000011", "g000012");

    @Param({"1000000"})
    public int users;

    @Param({"100000"})
    public int groups;

    @Param({"H2", "POSTGRES"})
    public String database;

    /** H2's page cache in MB for the trial (0: as opened). */
    @Param({"0"})
    public int h2CacheMb;

    private ScaleData data;
    private PolicyImpactService impact;
    private InsightsReport insights;
    private SsprPolicy proposed;
    private SsprPolicy proposedForEveryone;
    private String personInScope;

    @Setup(Level.Trial)
    public void openTheLoadedDirectory() {
        data = ScaleData.open("scope-scale", database, users + "-" + groups, db -> {
            System.out.println("Loaded " + users + " users and " + groups + " groups: " + BulkDirectory.load(db, users, groups));
            System.out.println("Nested them: " + BulkDirectory.nestGroups(db, users, groups));
        });
        if (h2CacheMb > 0 && database.equals("H2")) {
            data.database().dsl().execute("SET CACHE_SIZE " + h2CacheMb * 1024);
        }
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(data.database(), clock, AuditSeal.of(SecretBox.withKey(new byte[32])));
        PolicyService policies = new PolicyService(data.database(), audit, clock);
        SsprPolicy current = SsprPolicy.defaults()
                .withScope(ScopePolicy.selected(SCOPE))
                .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.OFFICE_PHONE, AuthMethod.SECURITY_QUESTIONS), 2, 2,
                        SecurityQuestionsPolicy.defaults()))
                .withRegistration(new RegistrationPolicy(true, 180));
        policies.update(policies.current().version(), current, "bench");
        proposed = current.withScope(ScopePolicy.selected(GROWN_SCOPE)).withMethods(new MethodsPolicy(
                EnumSet.of(AuthMethod.OFFICE_PHONE, AuthMethod.MOBILE_PHONE, AuthMethod.EMAIL), 2, 2,
                SecurityQuestionsPolicy.defaults()));
        proposedForEveryone = proposed.withScope(ScopePolicy.all());
        impact = new PolicyImpactService(data.database(), policies, new EffectivePolicy(false));
        insights = new InsightsReport(data.database(), policies, new EffectivePolicy(false), clock);
        personInScope = inScope().iterator().next();
        PolicyImpactDto found = impact.impact(proposed);
        System.out.println("In scope: " + inScope().size() + "; preview: out of scope " + found.newlyOutOfScope().count()
                + ", unable to reset " + found.newlyUnableToReset().count() + ", must register "
                + found.newlyRequiredToRegister().count());
    }

    @TearDown(Level.Trial)
    public void close() {
        data.close();
    }

    /** POST /policy/impact's work, without HTTP (its answer lists at most 200 people a group). */
    @Benchmark
    public PolicyImpactDto impactPreview() {
        return impact.impact(proposed);
    }

    /** The same change of methods for everyone: the whole directory is in scope after it. */
    @Benchmark
    public PolicyImpactDto impactPreviewForEveryone() {
        return impact.impact(proposedForEveryone);
    }

    /** The registration part of GET /insights: who is in scope, registered, able to reset, by method. */
    @Benchmark
    public RegistrationInsightsDto insightsRegistration() {
        return insights.registration();
    }

    /** Everyone the scope covers, through the nesting. */
    @Benchmark
    public Set<String> inScope() {
        return new SqlGroupMembership(data.database().dsl()).usersInScope(SCOPE);
    }

    /** The kiosk's question for one person. */
    @Benchmark
    public boolean isOnePersonInScope() {
        return new SqlGroupMembership(data.database().dsl()).isMemberOfAny(personInScope, SCOPE);
    }
}
