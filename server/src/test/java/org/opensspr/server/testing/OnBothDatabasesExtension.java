package org.opensspr.server.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.opensspr.server.db.TestDatabases;

import java.util.Arrays;
import java.util.stream.Stream;

/** One invocation of an {@link OnBothDatabases} test per database kind. */
final class OnBothDatabasesExtension implements TestTemplateInvocationContextProvider {
    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().filter(method -> method.isAnnotationPresent(OnBothDatabases.class)).isPresent();
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Arrays.stream(TestDatabases.values()).map(DatabaseInvocation::new);
    }
}
