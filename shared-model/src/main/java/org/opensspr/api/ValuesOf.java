package org.opensspr.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text component whose values are the names of an enum's constants. The OpenAPI document
 * lists them as the field's values; the record keeps text so that a client built against an older
 * enum still reads a newer server's values (as {@link ApiError#code()} does with error codes).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface ValuesOf {
    Class<? extends Enum<?>> value();
}
