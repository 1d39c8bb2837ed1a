package org.opensspr.server.http;

import java.util.concurrent.Callable;

/**
 * What the server binds around each request before its first check and until its answer is made, e.g. one
 * reading of the policy for the whole request ({@code PolicyService.oneVersionPerRequest}).
 */
@FunctionalInterface
public interface RequestScope {
    RequestScope NONE = Callable::call;

    Object run(Callable<Object> request) throws Exception;
}
