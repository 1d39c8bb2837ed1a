package org.opensspr.server.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opensspr.server.api.InProcessServer;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Starts the {@link SharedServer} of a test class on first need and keeps it in the store of the annotated
 * class's context, which closes it when the class is done. Started lazily because with
 * {@code @TestInstance(PER_CLASS)} the instance (and its fields) comes before any before-all callback.
 */
final class SharedServerExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        injectFields(context.getRequiredTestClass(), null, server(context));
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        injectFields(testInstance.getClass(), testInstance, server(context));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        // an @OnBothDatabases test in the class gets its own server from that extension
        return parameter.getParameter().getType() == InProcessServer.class
                && !parameter.getDeclaringExecutable().isAnnotationPresent(OnBothDatabases.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static InProcessServer server(ExtensionContext context) {
        ExtensionContext owner = annotatedClassContext(context);
        SharedServer settings = AnnotationSupport.findAnnotation(owner.getRequiredTestClass(), SharedServer.class)
                .orElseThrow();
        return owner.getStore(NAMESPACE).computeIfAbsent(InProcessServer.class, key -> start(settings),
                InProcessServer.class);
    }

    private static InProcessServer start(SharedServer settings) {
        InProcessServer server = InProcessServer.start(settings.database());
        if (settings.seedDemo()) {
            server.server().seedDemo();
        }
        return server;
    }

    /** The context of the class carrying the annotation: a nested class shares its enclosing class's server. */
    private static ExtensionContext annotatedClassContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (!(current.getElement().orElse(null) instanceof Class<?> type
                && AnnotationSupport.isAnnotated(type, SharedServer.class))) {
            current = current.getParent().orElseThrow(() -> new ExtensionConfigurationException(
                    "No @SharedServer class above " + context.getUniqueId()));
        }
        return current;
    }

    /** Static fields when {@code target} is null, instance fields otherwise. */
    private static void injectFields(Class<?> type, Object target, InProcessServer server) {
        boolean wantStatic = target == null;
        for (Field field : ReflectionSupport.findFields(type, field -> field.getType() == InProcessServer.class
                && Modifier.isStatic(field.getModifiers()) == wantStatic
                && !Modifier.isFinal(field.getModifiers()), HierarchyTraversalMode.TOP_DOWN)) {
            try {
                field.setAccessible(true);
                field.set(target, server);
            } catch (IllegalAccessException e) {
                throw new ExtensionConfigurationException("Could not set " + field, e);
            }
        }
    }
}
