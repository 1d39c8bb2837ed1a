package org.opensspr.server.metrics;

import java.util.List;
import java.util.Map;

/**
 * Whether other hosts may scrape {@code /metrics}: only with this bearer token, read from the environment variable
 * that {@code --metrics-token-env} names — never from the command line, where every local user could read it.
 *
 * @param tokenVariable the variable's name; null when remote scrapes are off
 * @param token         its value, stripped; null when unset
 */
public record MetricsSettings(String tokenVariable, String token) {
    public static final MetricsSettings NONE = new MetricsSettings(null, null);
    /** Long enough that guessing it over the network is hopeless (a random 16-character token has ~95 bits). */
    static final int MIN_TOKEN_LENGTH = 16;

    public static MetricsSettings fromEnvironment(String variable, Map<String, String> environment) {
        if (variable == null) {
            return NONE;
        }
        String value = environment.get(variable);
        return new MetricsSettings(variable, value == null ? null : value.strip());
    }

    /** Every reason this setting can't run, in words an operator can act on. */
    public List<String> problems() {
        if (tokenVariable == null) {
            return List.of();
        }
        if (token == null || token.isEmpty()) {
            return List.of("--metrics-token-env names " + tokenVariable + ", which is not set or empty.");
        }
        if (token.length() < MIN_TOKEN_LENGTH) {
            return List.of("The metrics token in " + tokenVariable + " must have at least " + MIN_TOKEN_LENGTH
                    + " characters; it has " + token.length() + ".");
        }
        if (!token.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            return List.of("The metrics token in " + tokenVariable + " may hold only printable ASCII characters"
                    + " without spaces: it travels in an HTTP header.");
        }
        return List.of();
    }

    /** Whether a token is configured (and valid), so scrapers elsewhere may present it. */
    public boolean remoteScrapesAllowed() {
        return tokenVariable != null && problems().isEmpty();
    }

    /** Never the token itself: configurations end up in logs and exception messages. */
    @Override
    public String toString() {
        return "MetricsSettings[tokenVariable=" + tokenVariable + ", token=" + (token == null ? "none" : "(hidden)") + "]";
    }
}
