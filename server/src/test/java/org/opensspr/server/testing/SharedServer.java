package org.opensspr.server.testing;

import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.server.db.TestDatabases;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One {@link org.opensspr.server.api.InProcessServer} for the whole test class, started before its first
 * {@code @BeforeAll} method and closed after its last {@code @AfterAll}. It is injected into every non-final
 * field of type {@code InProcessServer} (static or not) and into parameters of that type of any method
 * JUnit calls (constructor, {@code @BeforeAll}, {@code @BeforeEach}, tests). TestFX calls {@code @Start}
 * methods itself, so they read the field.
 *
 * <pre>{@code
 * @SharedServer(seedDemo = true)
 * class SomePaneTest {
 *     private InProcessServer server;
 *     ...
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SharedServerExtension.class)
public @interface SharedServer {
    TestDatabases database() default TestDatabases.H2;

    /** Seeds the Contoso demo organization ({@code OpenSsprServer.seedDemo()}) before any test sees the server. */
    boolean seedDemo() default false;
}
