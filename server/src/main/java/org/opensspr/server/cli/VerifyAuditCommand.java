package org.opensspr.server.cli;

import org.opensspr.api.AuditChainState;
import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.audit.AuditChainReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/**
 * {@code verify-audit}: proves the audit chain from its retention checkpoint to its head, or names the first broken
 * link (ADR 20). Exit 0 when intact, 1 when broken. Safe while a server runs on the same PostgreSQL database; an
 * H2 file is opened by one process at a time, so stop the server first.
 */
@Command(name = "verify-audit", mixinStandardHelpOptions = true,
        description = "Prove the tamper-evident audit log, or name its first broken link (exit 1).")
public final class VerifyAuditCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options = new ServerOptions();

    @Override
    public Integer call() {
        try (OpenSsprServer server = OpenSsprServer.open(options.offlineConfig())) {
            AuditChainState state = server.auditChain().verifyNow(checked ->
                    System.err.print("\rVerified " + checked + " links…"));
            System.err.println();
            System.out.println(AuditChainReport.describe(state));
            return state.intact() ? 0 : 1;
        }
    }
}
