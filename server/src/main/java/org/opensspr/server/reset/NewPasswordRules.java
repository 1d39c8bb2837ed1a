package org.opensspr.server.reset;

import org.opensspr.api.DirectoryPolicyDto;
import org.opensspr.api.FlowResponse;
import org.opensspr.server.writeback.OnPremAccount;
import org.opensspr.server.writeback.Writeback;

/**
 * What an on-premises user's SET_NEW_PASSWORD step carries: the directory's own policy in place of the
 * cloud requirements (which the server doesn't apply to these users), or that it couldn't be read — never
 * the cloud rules as a stand-in. Called after the step's transaction, so no database connection waits on
 * the directory.
 */
final class NewPasswordRules {
    private final Writeback writeback;

    /** @param writeback null when no directory is connected */
    NewPasswordRules(Writeback writeback) {
        this.writeback = writeback;
    }

    FlowResponse forOnPremises(FlowResponse response, OnPremAccount account) {
        DirectoryPolicyDto policy = writeback == null ? DirectoryPolicyDto.unreadable()
                : writeback.policyFor(account).map(DirectoryPolicyDto::of).orElseGet(DirectoryPolicyDto::unreadable);
        return response.withDirectoryPolicy(policy);
    }
}
