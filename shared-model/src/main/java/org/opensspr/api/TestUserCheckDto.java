package org.opensspr.api;

import java.util.List;

/**
 * The test user of a connection test: whether the service account finds it, and which rights it holds on it.
 *
 * @param user   the UPN that was looked up
 * @param found  exactly one entry matched
 * @param dn     the entry's DN, when found
 * @param rights the rights writeback needs on it; on a directory that can't tell, each is {@code NOT_CHECKABLE}
 */
public record TestUserCheckDto(String user, boolean found, @OptionalField String dn, List<RightCheckDto> rights) {
    public TestUserCheckDto {
        rights = List.copyOf(rights);
    }
}
