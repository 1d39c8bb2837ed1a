package org.opensspr.server.api;

import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Far more flows at once than the pool has connections (8 on H2, 16 on PostgreSQL): every complete
 * reset finishes, none is told "busy", while health still answers. Before each step kept to one
 * connection, steps that took a second connection while holding one stopped the server here.
 */
class ManyFlowsTest {
    private static final int KIOSKS = 4;
    private static final int FLOWS = 48;

    @OnBothDatabases
    void fortyEightResetsAtOnceAllComplete(InProcessServer server) throws Exception {
        ResetFlowApiTest.policy(server, 1);
        List<String> kiosks = new ArrayList<>();
        for (int k = 0; k < KIOSKS; k++) {
            String code = server.server().kiosks().createEnrollment("Reception " + k, "test").code();
            kiosks.add(server.server().kiosks().enroll(new KioskEnrollRequest(code, "host-" + k), "127.0.0.1")
                    .credential());
        }
        for (int i = 0; i < FLOWS; i++) {
            UserDetailDto user = TestPeople.cloudUser(server, "user" + i + "@contoso.example",
                    ResetFlowApiTest.PASSWORD, false);
            server.server().directory().updateContact(DirectoryActor.system("test"), user.id(),
                    new ContactUpdateRequest("user" + i + "@private.example", "", ""));
        }

        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(FLOWS)) {
            for (int i = 0; i < FLOWS; i++) {
                int n = i;
                Callable<String> reset = () -> {
                    go.await();
                    FlowClient flow = new FlowClient(server, kiosks.get(n % KIOSKS));
                    flow.start("RESET_PASSWORD");
                    flow.identify("user" + n + "@contoso.example");
                    flow.choose("EMAIL");
                    flow.proveCode(flow.codeSentTo("user" + n + "@private.example"));
                    flow.password("Lantern-Orbit-" + n + "-Kettle");
                    String outcome = flow.lastStatus + " " + flow.last.path("step").path("completion").asText();
                    // On a surprise, the answer itself says which refusal it was.
                    return outcome.equals("200 PASSWORD_RESET") ? outcome : outcome + " " + flow.last;
                };
                outcomes.add(pool.submit(reset));
            }
            go.countDown();
            assertThat(server.get("/api/v1/health", null).statusCode()).as("health during the load").isEqualTo(200);
            for (Future<String> outcome : outcomes) {
                assertThat(outcome.get()).isEqualTo("200 PASSWORD_RESET");
            }
        }
    }
}
