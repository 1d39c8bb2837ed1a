package org.opensspr.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that may be absent from the JSON: a request may leave it out or send
 * null, and a response leaves it out when it has no value (the API's mapper writes no nulls).
 * Every other component is always there: a request without it gets MISSING_FIELD naming it, and
 * the OpenAPI document lists it as {@code required}. Domain records, which don't depend on this
 * package, say the same with Jackson's {@code @JsonInclude(NON_NULL)} (or {@code NON_EMPTY}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface OptionalField {
}
