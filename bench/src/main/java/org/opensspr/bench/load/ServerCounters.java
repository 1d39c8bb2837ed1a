package org.opensspr.bench.load;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The server's own counts from its {@code /metrics} (served without credentials to this host only), read at two
 * moments: its Argon2id computations ({@code opensspr_hashing_hashes_total}: security answers included,
 * whatever the method), its database work (statements, committed transactions) and, on the embedded H2 file,
 * the file. Each is empty where the server doesn't serve it to us.
 */
final class ServerCounters {
    static final String HASHES = "opensspr_hashing_hashes_total";
    static final String STATEMENTS = "opensspr_db_statements_total";
    static final String TRANSACTIONS = "opensspr_db_transactions_total";
    /** The embedded H2 file's size and live share (gauges), and its upkeep's runs and their seconds (ADR 35). */
    static final String FILE_SIZE = "opensspr_db_file_size_bytes";
    static final String FILE_LIVE = "opensspr_db_file_live_ratio";
    static final String COMPACTIONS = "opensspr_db_file_compaction_seconds_count";
    static final String COMPACTION_SECONDS = "opensspr_db_file_compaction_seconds_sum";
    static final String SYNCS = "opensspr_db_file_sync_seconds_count";
    static final String SYNC_SECONDS = "opensspr_db_file_sync_seconds_sum";
    private static final double MB = 1 << 20;
    private static final List<String> METERS = List.of(HASHES, STATEMENTS, TRANSACTIONS, FILE_SIZE, FILE_LIVE,
            COMPACTIONS, COMPACTION_SECONDS, SYNCS, SYNC_SECONDS);

    /**
     * One reading; a meter is missing where any instance didn't serve it. The file's meters exist for the embedded
     * H2 file only, which one instance alone can open, so their sum is that instance's figure.
     */
    record Counts(Map<String, Double> values) {
        OptionalDouble of(String meter) {
            Double value = values.get(meter);
            return value == null || value.isNaN() ? OptionalDouble.empty() : OptionalDouble.of(value);
        }

        /** Per reset between {@code before} and this reading; null where either lacks the meter or no reset ended. */
        Double perReset(Counts before, String meter, long resets) {
            OptionalDouble now = of(meter);
            OptionalDouble then = before.of(meter);
            return now.isPresent() && then.isPresent() && resets > 0
                    ? (now.getAsDouble() - then.getAsDouble()) / resets : null;
        }

        /**
         * The embedded file at this reading, and its upkeep since {@code before}; null for any other database, or
         * where a meter is missing from either reading. One instance's only: its gauges mustn't be summed.
         */
        LoadReport.EmbeddedFile file(Counts before) {
            OptionalDouble compactions = since(before, COMPACTIONS);
            OptionalDouble compactionSeconds = since(before, COMPACTION_SECONDS);
            OptionalDouble syncs = since(before, SYNCS);
            OptionalDouble syncSeconds = since(before, SYNC_SECONDS);
            if (of(FILE_SIZE).isEmpty() || of(FILE_LIVE).isEmpty() || compactions.isEmpty()
                    || compactionSeconds.isEmpty() || syncs.isEmpty() || syncSeconds.isEmpty()) {
                return null;
            }
            return new LoadReport.EmbeddedFile(before.of(FILE_SIZE).orElse(Double.NaN) / MB,
                    of(FILE_SIZE).getAsDouble() / MB, of(FILE_LIVE).getAsDouble(), (long) compactions.getAsDouble(),
                    meanMs(compactionSeconds, compactions), (long) syncs.getAsDouble(), meanMs(syncSeconds, syncs));
        }

        private OptionalDouble since(Counts before, String meter) {
            return of(meter).isPresent() && before.of(meter).isPresent()
                    ? OptionalDouble.of(of(meter).getAsDouble() - before.of(meter).getAsDouble()) : OptionalDouble.empty();
        }

        private static double meanMs(OptionalDouble seconds, OptionalDouble count) {
            return count.getAsDouble() == 0 ? 0 : seconds.getAsDouble() * 1e3 / count.getAsDouble();
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
        Map<String, Double> sums = new java.util.HashMap<>();
        METERS.forEach(meter -> sums.put(meter, 0.0));
        for (String url : urls) {
            Map<String, Double> one = read(url);
            sums.keySet().retainAll(one.keySet());
            one.forEach((meter, value) -> sums.computeIfPresent(meter, (m, sum) -> sum + value));
        }
        return new Counts(Map.copyOf(sums));
    }

    private Map<String, Double> read(String url) {
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            if (response.code() != 200) {
                return Map.of();
            }
            Map<String, Double> found = new java.util.HashMap<>();
            for (String line : response.body().string().split("\n")) {
                for (String meter : METERS) {
                    if (line.startsWith(meter + " ") || line.startsWith(meter + "{")) {
                        found.put(meter, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
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
