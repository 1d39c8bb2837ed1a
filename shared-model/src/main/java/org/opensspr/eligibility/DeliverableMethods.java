package org.opensspr.eligibility;

import org.opensspr.methods.AuthMethod;

import java.util.EnumSet;
import java.util.Set;

/**
 * The methods this server can deliver: a code can't prove anything if no text, call, mail or
 * notification can carry it. A method outside this set counts for no one (administrators included),
 * however it is registered or enabled. The app's code and security questions need no delivery.
 */
public record DeliverableMethods(Set<AuthMethod> methods) {
    public static final DeliverableMethods ALL = new DeliverableMethods(EnumSet.allOf(AuthMethod.class));

    public DeliverableMethods {
        methods = Set.copyOf(methods);
    }

    public boolean allows(AuthMethod method) {
        return methods.contains(method);
    }
}
