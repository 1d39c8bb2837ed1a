package org.opensspr.server.api;

import org.jooq.Configuration;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each step of a complete email-code reset asks of the database, counted on the requests' own threads
 * (the delivery worker and the audit chain run on threads of their own): a budget, so that work cut from a step
 * (docs/performance.md, "Where the CPU beyond the hashes goes") doesn't creep back unnoticed.
 */
class StepStatementsTest {
    /** At most this many statements per step; docs/performance.md lists what each one is. */
    private static final Map<String, Integer> BUDGET = budget();

    private static Map<String, Integer> budget() {
        Map<String, Integer> budget = new LinkedHashMap<>();
        budget.put("start", 7);
        budget.put("identify", 10);
        budget.put("choose", 13);
        budget.put("prove", 13);
        budget.put("password", 25);
        return budget;
    }

    @OnBothDatabases
    void aCompleteEmailResetStaysWithinEachStepsBudget(InProcessServer server) {
        ResetFlowApiTest.policy(server, 1);
        ResetFlowApiTest.ann(server);
        new FlowClient(server).start("RESET_PASSWORD"); // a kiosk's first start also makes its throttle row
        LongAdder onRequests = countStatementsOnRequestThreads(server.server().database().dsl().configuration());
        FlowClient flow = new FlowClient(server);
        Map<String, Long> counted = new LinkedHashMap<>();

        counted.put("start", during(onRequests, () -> flow.start("RESET_PASSWORD")));
        counted.put("identify", during(onRequests, () -> flow.identify(ResetFlowApiTest.ANN)));
        counted.put("choose", during(onRequests, () -> flow.choose("EMAIL")));
        String code = flow.codeSentTo(ResetFlowApiTest.ANN_ALTERNATE);
        counted.put("prove", during(onRequests, () -> flow.proveCode(code)));
        counted.put("password", during(onRequests, () -> flow.password(ResetFlowApiTest.NEW_PASSWORD)));

        assertThat(flow.step()).isEqualTo("COMPLETED");
        BUDGET.forEach((step, most) -> assertThat(counted.get(step))
                .as("statements of the %s step (all: %s)", step, counted).isLessThanOrEqualTo(most));
    }

    private static long during(LongAdder counter, Supplier<?> call) {
        long before = counter.sum();
        call.get();
        return counter.sum() - before;
    }

    /** Requests run on virtual threads; the server's workers are platform threads with names of their own. */
    private static LongAdder countStatementsOnRequestThreads(Configuration configuration) {
        LongAdder counter = new LongAdder();
        List<ExecuteListenerProvider> providers = new ArrayList<>(Arrays.asList(configuration.executeListenerProviders()));
        providers.add(new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeEnd(ExecuteContext ctx) {
                if (Thread.currentThread().isVirtual()) {
                    counter.increment();
                }
            }
        }));
        configuration.set(providers.toArray(ExecuteListenerProvider[]::new));
        return counter;
    }
}
