package org.opensspr.policy;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Defensive copies for the policy records: null becomes empty, order stays stable for diffs. */
final class Copies {
    private Copies() {
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static <E extends Enum<E>> Set<E> enumSet(Class<E> type, Collection<E> values) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        if (values != null) {
            copy.addAll(values);
        }
        return Collections.unmodifiableSet(copy);
    }

    static String text(String value) {
        return value == null ? "" : value;
    }
}
