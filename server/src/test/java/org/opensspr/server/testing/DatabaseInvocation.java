package org.opensspr.server.testing;

import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.opensspr.server.db.TestDatabases;

import java.util.List;

/** One run of an {@link OnBothDatabases} test: named after its database, which its parameters come from. */
record DatabaseInvocation(TestDatabases kind) implements TestTemplateInvocationContext {
    @Override
    public String getDisplayName(int invocationIndex) {
        return kind.name();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new DatabaseParameters(kind));
    }
}
