package org.opensspr.server.writeback;

import java.util.Objects;

/**
 * An on-premises user as the writeback sees it: our directory's id (for the intent record) and the
 * value the connector looks the directory entry up by (the UPN, or its local part for OpenLDAP's uid).
 */
public record OnPremAccount(String userId, String userPrincipalName) {
    public OnPremAccount {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(userPrincipalName, "userPrincipalName");
        if (userId.isBlank() || userPrincipalName.isBlank()) {
            throw new IllegalArgumentException("An on-premises account needs a user id and a user principal name");
        }
    }
}
