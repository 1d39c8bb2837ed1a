package org.opensspr.bench.load;

/** A seeded person who can reset with an emailed code: the code goes to {@code alternateEmail}. */
public record LoadUser(String userPrincipalName, String alternateEmail) {
    /** {@code prefix} keeps names unique per run on a server that outlives runs. */
    static LoadUser numbered(String prefix, int n) {
        String name = "%s%06d".formatted(prefix, n);
        return new LoadUser(name + "@contoso.example", name + "@private.example");
    }
}
