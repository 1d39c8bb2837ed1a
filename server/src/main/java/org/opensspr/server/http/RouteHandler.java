package org.opensspr.server.http;

/** A route's work: map the request to a service call and return the response body (or null for none). */
@FunctionalInterface
public interface RouteHandler<B> {
    Object handle(Request<B> request);
}
