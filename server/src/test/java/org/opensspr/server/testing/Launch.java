package org.opensspr.server.testing;

import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs a sample test class on its own JUnit launcher, so a test can look at what an extension did after
 * the class is done. Samples are nested classes, which Surefire doesn't run by themselves.
 */
final class Launch {
    private Launch() {
    }

    static TestExecutionSummary run(Class<?> sample) {
        LauncherDiscoveryRequest request = request().selectors(selectClass(sample)).build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, summary);
        return summary.getSummary();
    }
}
