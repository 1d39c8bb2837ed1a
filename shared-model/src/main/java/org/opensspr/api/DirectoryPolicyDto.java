package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.opensspr.password.DirectoryPasswordPolicy;

/**
 * For an on-premises user at SET_NEW_PASSWORD: the directory's rules, or that they couldn't be read.
 * Either way the directory decides, and the cloud rules don't apply.
 */
@JsonClassDescription("For an on-premises user at SET_NEW_PASSWORD: the password rules of the organization's"
        + " directory, which decides (the cloud requirements don't apply); when readable is false the rules"
        + " couldn't be read and the kiosk shows none")
public record DirectoryPolicyDto(
        @JsonPropertyDescription("Whether the directory's rules could be read just now") boolean readable,
        @JsonPropertyDescription("The rules, when readable") @OptionalField DirectoryPasswordPolicy policy) {

    public static DirectoryPolicyDto of(DirectoryPasswordPolicy policy) {
        return new DirectoryPolicyDto(true, policy);
    }

    public static DirectoryPolicyDto unreadable() {
        return new DirectoryPolicyDto(false, null);
    }
}
