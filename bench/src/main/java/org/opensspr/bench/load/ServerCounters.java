package org.opensspr.bench.load;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The server's own counts from its {@code /metrics} (served without credentials to this host only), read at two
 * moments: its Argon2id computations ({@code opensspr_hashing_hashes_total}: security answers included, whatever
 * the method) and its database work (statements, committed transactions). Each is empty where the server doesn't
 * serve it to us.
 */
final class ServerCounters {
    static final String HASHES = "opensspr_hashing_hashes_total";
    static final String STATEMENTS = "opensspr_db_statements_total";
    static final String TRANSACTIONS = "opensspr_db_transactions_total";
    private static final List<String> METERS = List.of(HASHES, STATEMENTS, TRANSACTIONS);

    /** One reading; a meter is missing where any instance didn't serve it. */
    record Counts(Map<String, Long> values) {
        OptionalLong of(String meter) {
            Long value = values.get(meter);
            return value == null ? OptionalLong.empty() : OptionalLong.of(value);
        }

        /** Per reset between {@code before} and this reading; null where either lacks the meter or no reset ended. */
        Double perReset(Counts before, String meter, long resets) {
            OptionalLong now = of(meter);
            OptionalLong then = before.of(meter);
            return now.isPresent() && then.isPresent() && resets > 0
                    ? (double) (now.getAsLong() - then.getAsLong()) / resets : null;
        }
    }

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    private final List<String> urls;

    /** {@code baseUrls}: every instance's, each counting its own. */
    ServerCounters(List<String> baseUrls) {
        this.urls = baseUrls.stream().map(url -> url + "/metrics").toList();
    }

    /** All instances' counts so far, summed. */
    Counts read() {
        Map<String, Long> sums = new java.util.HashMap<>();
        METERS.forEach(meter -> sums.put(meter, 0L));
        for (String url : urls) {
            Map<String, Long> one = read(url);
            sums.keySet().retainAll(one.keySet());
            one.forEach((meter, value) -> sums.computeIfPresent(meter, (m, sum) -> sum + value));
        }
        return new Counts(Map.copyOf(sums));
    }

    private Map<String, Long> read(String url) {
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            if (response.code() != 200) {
                return Map.of();
            }
            Map<String, Long> found = new java.util.HashMap<>();
            for (String line : response.body().string().split("\n")) {
                for (String meter : METERS) {
                    if (line.startsWith(meter + " ") || line.startsWith(meter + "{")) {
                        found.put(meter, (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                    }
                }
            }
            return found;
        } catch (IOException | NumberFormatException e) {
            return Map.of();
        } finally {
            http.connectionPool().evictAll();
        }
    }
}
