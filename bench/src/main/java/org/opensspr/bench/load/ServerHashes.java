package org.opensspr.bench.load;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * The server's own count of its Argon2id computations, {@code opensspr_hashing_hashes_total} from its
 * {@code /metrics} (served without credentials to this host only): read at two moments, the hashes done between
 * them, security answers included, whatever the method. Empty where the server doesn't serve it to us.
 */
final class ServerHashes {
    static final String METER = "opensspr_hashing_hashes_total";

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    private final List<String> urls;

    /** {@code baseUrls}: every instance's, each counting its own. */
    ServerHashes(List<String> baseUrls) {
        this.urls = baseUrls.stream().map(url -> url + "/metrics").toList();
    }

    /** All instances' hashes so far; empty if any instance's can't be read. */
    OptionalLong count() {
        long sum = 0;
        for (String url : urls) {
            OptionalLong one = count(url);
            if (one.isEmpty()) {
                return one;
            }
            sum += one.getAsLong();
        }
        return OptionalLong.of(sum);
    }

    private OptionalLong count(String url) {
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            if (response.code() != 200) {
                return OptionalLong.empty();
            }
            for (String line : response.body().string().split("\n")) {
                if (line.startsWith(METER + " ") || line.startsWith(METER + "{")) {
                    return OptionalLong.of((long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        } finally {
            http.connectionPool().evictAll();
        }
    }
}
