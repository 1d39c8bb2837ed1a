package org.opensspr.bench.load;

import org.opensspr.api.Json;

import java.io.IOException;
import java.util.List;

/**
 * Complete email-code resets from many simulated kiosks at once, through the kiosk's own API calls, against an
 * in-process server or a running one in test mode (bench/load.sh; options in {@link LoadOptions#USAGE}). Prints
 * flows/s, errors, latency per endpoint, server CPU per reset and flows/s against the hash-bound limit.
 */
public final class LoadGenerator {
    private LoadGenerator() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<LoadReport> reports = LoadRun.runEach(options);
        for (LoadReport report : reports) {
            report.print(System.out);
            System.out.println();
        }
        if (reports.size() > 1) {
            LoadReport.printComparison(reports, System.out);
        }
        if (options.json() != null) {
            Json.newMapper().writerWithDefaultPrettyPrinter().writeValue(options.json().toFile(),
                    reports.size() == 1 ? reports.getFirst() : reports);
        }
        System.exit(0); // the in-process server's and clients' leftover threads don't hold the JVM
    }
}
