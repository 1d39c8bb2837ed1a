package org.opensspr.console.groups;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.api.GroupDto;
import org.opensspr.api.GroupRefDto;
import org.opensspr.api.GroupWriteRequest;
import org.opensspr.api.Page;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.CallFailures;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.paging.PagedRows;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SsprScope;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Groups view's list: the directory's groups searched (the start of a name) and sorted on the server and paged
 * into a virtual list, as the Users view's. Only the latest search's answer is shown.
 */
public final class GroupsModel {
    static final int PAGE_SIZE = 100;

    private final ConsoleContext context;
    private final OpenSsprClient client;
    private final Supplier<ScopePolicy> scope;
    private final ReadOnlyObjectWrapper<PagedRows<GroupDto>> rows = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<GroupDto> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final Map<String, List<GroupRefDto>> holders = new HashMap<>();
    private final Set<String> asking = new HashSet<>();
    private final IntegerProperty holdersRead = new SimpleIntegerProperty();
    private ScopePolicy holdersScope;
    private String search = "";
    private String sort = "name";
    private long request;

    /** @param scope the SSPR policy's scope as loaded in the console (its selected groups are marked) */
    public GroupsModel(ConsoleContext context, OpenSsprClient client, Supplier<ScopePolicy> scope) {
        this.context = context;
        this.client = client;
        this.scope = scope;
    }

    /** Groups whose name starts with {@code text}; blank lists them all. */
    public void search(String text) {
        search = text == null ? "" : text.strip();
        reload();
    }

    /** Sorts on the server by {@code key} (name or createdAt) and asks again. */
    public void sort(String key, boolean descending) {
        String asked = (descending ? "-" : "") + key;
        if (!asked.equals(sort)) { // a table asks again whenever its items change; only a new order reloads
            sort = asked;
            reload();
        }
    }

    /** Asks again with the current search and order. */
    public void reload() {
        forgetHolders();
        long asked = ++request;
        String query = search;
        String order = sort;
        PagedRows.Source<GroupDto> source = new PagedRows.Source<>() {
            @Override
            public Page<GroupDto> fetch(int page, int size) {
                return client.groups(query, order, page, size);
            }

            @Override
            public Page<GroupDto> fetchAfter(int page, String cursor, int size) {
                return client.groupsAfter(query, order, cursor, size);
            }
        };
        PagedRows.open(source, PAGE_SIZE, context.background(), opened -> {
            if (asked != request) {
                opened.close();
                return;
            }
            if (rows.get() != null) {
                rows.get().close();
            }
            rows.set(opened);
            status.set(opened.isEmpty() ? context.text(query.isEmpty() ? "groups.none" : "groups.noMatch", query)
                    : context.text(opened.isTotalExact() ? "groups.count" : query.isEmpty() ? "groups.countAbout"
                    : "groups.countAtLeast", opened.size()));
        }, this::failed);
    }

    /** The row at {@code index} changed (members added or removed): its page is fetched again. */
    public void changed(int index) {
        forgetHolders(); // a nesting may have changed
        if (rows.get() != null) {
            rows.get().reload(index);
        }
    }

    /** Creates a group; on success the list is read again and {@code created} gets the new group. */
    public void create(GroupWriteRequest group, Consumer<GroupDto> created) {
        status.set(context.text("group.working"));
        context.background().run(() -> client.createGroup(group), done -> {
            reload();
            created.accept(done);
        }, failure -> status.set(context.text("groups.createFailed", CallFailures.describe(context, failure))));
    }

    /** Whether the policy selects this group for self-service password reset. */
    public boolean isScopeGroup(GroupDto group) {
        ScopePolicy current = scope.get();
        return current.scope() == SsprScope.SELECTED && current.groupIds().contains(group.id());
    }

    /**
     * The scope's selected groups that are {@code group} or hold it at any depth, by name; null until the server has
     * answered. Asked once per group on the first call, so only the rows a table draws cost a question.
     */
    public List<GroupRefDto> scopeHolders(GroupDto group) {
        ScopePolicy current = scope.get();
        if (!current.equals(holdersScope)) {
            forgetHolders();
            holdersScope = current;
        }
        if (current.scope() != SsprScope.SELECTED) {
            return List.of();
        }
        List<GroupRefDto> known = holders.get(group.id());
        if (known == null && asking.add(group.id())) { // a failed question isn't asked again until the next reload
            context.background().run(() -> ScopeHolders.of(client, group.id(), current), found -> {
                if (current.equals(holdersScope) && asking.contains(group.id())) {
                    holders.put(group.id(), found);
                    holdersRead.set(holdersRead.get() + 1);
                }
            }, failure -> { });
        }
        return known;
    }

    private void forgetHolders() {
        holders.clear();
        asking.clear();
    }

    /** Counts the answers about scope holders: a table draws its rows again when it changes. */
    public ReadOnlyIntegerProperty holdersReadProperty() {
        return holdersRead;
    }

    private void failed(Exception failure) {
        status.set(context.text("groups.failed", CallFailures.describe(context, failure)));
    }

    public ReadOnlyObjectProperty<PagedRows<GroupDto>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ObjectProperty<GroupDto> selectedProperty() {
        return selected;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
