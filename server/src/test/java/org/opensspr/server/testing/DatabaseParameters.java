package org.opensspr.server.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;

import java.util.Set;

/**
 * Resolves the kind, a fresh {@link Database} or an {@link InProcessServer} for one invocation. Each is
 * made once per invocation (a {@code @BeforeEach} and the test share it) and kept in the invocation's
 * store, which closes it after the test and its {@code @AfterEach} methods.
 */
final class DatabaseParameters implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DatabaseParameters.class);
    private static final Set<Class<?>> TYPES = Set.of(TestDatabases.class, Database.class, InProcessServer.class);

    private final TestDatabases kind;

    DatabaseParameters(TestDatabases kind) {
        this.kind = kind;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return TYPES.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == TestDatabases.class) {
            return kind;
        }
        return context.getStore(NAMESPACE).computeIfAbsent(type, this::open);
    }

    private AutoCloseable open(Class<?> type) {
        return type == Database.class ? kind.fresh() : InProcessServer.start(kind);
    }
}
