package org.opensspr.console.shell;

import org.opensspr.console.ConsoleContext;
import org.opensspr.console.ConsoleSession;
import org.opensspr.console.administrators.AdministratorPane;
import org.opensspr.console.audit.AuditLogsModel;
import org.opensspr.console.audit.AuditLogsView;
import org.opensspr.console.administrators.AdministratorPaneModel;
import org.opensspr.console.customization.BrandingImages;
import org.opensspr.console.customization.CustomizationPane;
import org.opensspr.console.customization.CustomizationPaneModel;
import org.opensspr.console.groups.GroupDetailModel;
import org.opensspr.console.groups.GroupDetailView;
import org.opensspr.console.groups.GroupsModel;
import org.opensspr.console.groups.GroupsView;
import org.opensspr.console.history.PolicyHistoryModel;
import org.opensspr.console.insights.InsightsModel;
import org.opensspr.console.insights.InsightsView;
import org.opensspr.console.history.PolicyHistoryView;
import org.opensspr.console.kiosks.KiosksModel;
import org.opensspr.console.kiosks.KiosksView;
import org.opensspr.console.methods.MethodsPane;
import org.opensspr.console.methods.MethodsPaneModel;
import org.opensspr.console.notifications.NotificationsPane;
import org.opensspr.console.notifications.NotificationsPaneModel;
import org.opensspr.console.onprem.DirectoryStatusModel;
import org.opensspr.console.onprem.DirectorySyncModel;
import org.opensspr.console.onprem.OnPremisesPane;
import org.opensspr.console.onprem.OnPremisesPaneModel;
import org.opensspr.console.outbox.OutboxModel;
import org.opensspr.console.outbox.OutboxView;
import org.opensspr.console.policy.PolicyEditor;
import org.opensspr.console.policy.PolicyPaneModel;
import org.opensspr.console.policy.PolicyPaneView;
import org.opensspr.console.policy.PolicySaver;
import org.opensspr.console.properties.ClientGroupLookup;
import org.opensspr.console.protection.ProtectionPane;
import org.opensspr.console.protection.ProtectionPaneModel;
import org.opensspr.console.properties.PropertiesPane;
import org.opensspr.console.properties.PropertiesPaneModel;
import org.opensspr.console.registration.RegistrationPane;
import org.opensspr.console.registration.RegistrationPaneModel;
import org.opensspr.console.users.ImportUsersModel;
import org.opensspr.console.users.UserDetailModel;
import org.opensspr.console.users.UserDetailView;
import org.opensspr.console.users.UsersModel;
import org.opensspr.console.users.UsersView;
import org.opensspr.console.whatif.WhatIfModel;
import org.opensspr.console.whatif.WhatIfView;
import org.opensspr.directory.Permission;
import org.opensspr.directory.Role;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SsprPolicy;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Builds the navigation: the policy panes in Entra's order, the policy tools, and the views that manage and report. */
public final class ConsolePanes {
    private final ConsoleContext context;
    private final ConsoleSession session;
    private final List<PolicyPaneModel> models = new ArrayList<>();
    private final List<NavEntry> entries = new ArrayList<>();
    private PolicyEditor editor;
    private PolicySaver saver;

    public ConsolePanes(ConsoleContext context, ConsoleSession session) {
        this.context = context;
        this.session = session;
        entries.add(NavEntry.header("nav.section.reset"));
        PropertiesPaneModel properties = new PropertiesPaneModel();
        policyPane(properties, m -> new PropertiesPane(m, context, new ClientGroupLookup(session.client())));
        policyPane(new MethodsPaneModel(), m -> new MethodsPane(m, context));
        policyPane(new RegistrationPaneModel(context.text("registration.reconfirm.notANumber")),
                m -> new RegistrationPane(m, context));
        policyPane(new NotificationsPaneModel(), m -> new NotificationsPane(m, context));
        CustomizationPaneModel customization = new CustomizationPaneModel(context, BrandingImages.of(session.client()));
        policyPane(customization, m -> new CustomizationPane(m, context));
        policyPane(new OnPremisesPaneModel(), m -> new OnPremisesPane(m, context, new DirectoryStatusModel(context,
                session.client(), session.rights().may(Permission.MANAGE_POLICY)), new DirectorySyncModel(context,
                session.client(), session.rights().may(Permission.READ_DIRECTORY),
                session.rights().may(Permission.MANAGE_USERS))));
        ProtectionPaneModel protection = new ProtectionPaneModel(context.text("protection.lockout.threshold.notANumber"),
                context.text("protection.lockout.duration.notANumber"));
        // "Try a password" counts the organization name as typed in Customization, saved or not.
        protection.organizationNameProperty().bind(customization.organizationNameProperty());
        policyPane(protection, m -> new ProtectionPane(m, context));
        policyPane(new AdministratorPaneModel(), m -> new AdministratorPane(m, context));
        entries.add(NavEntry.header("nav.section.tools"));
        entries.add(NavEntry.view("history", () -> new PolicyHistoryView(
                new PolicyHistoryModel(context, session.client(), editor(), saver()), context,
                session.rights().may(Permission.MANAGE_POLICY) ? null : readOnlyReason("history.readonly"), this::paneOwning)));
        boolean mayLookUp = session.rights().may(Permission.READ_DIRECTORY);
        entries.add(NavEntry.view("whatif", () -> new WhatIfView(
                new WhatIfModel(context, session.client(), mayLookUp), context,
                mayLookUp ? null : readOnlyReason("whatif.readonly"), this::policy)));
        entries.add(NavEntry.header("nav.section.manage"));
        entries.add(mayLookUp ? NavEntry.view("users", this::usersView) : notForYourRole("users", "users.readonly"));
        entries.add(mayLookUp ? NavEntry.view("groups", this::groupsView) : notForYourRole("groups", "groups.denied"));
        // Both open for every role: one that may not use them reads why there (the server refuses them too).
        entries.add(NavEntry.view("kiosks", () -> new KiosksView(new KiosksModel(context, session.client(),
                session.rights().may(Permission.MANAGE_KIOSKS) ? null : globalOnlyReason("kiosks.notAllowed")), context)));
        entries.add(NavEntry.view("outbox", () -> new OutboxView(new OutboxModel(context, session.client(),
                session.rights().may(Permission.READ_OUTBOX) ? null : globalOnlyReason("outbox.notAllowed")), context)));
        entries.add(session.rights().may(Permission.READ_AUDIT)
                ? NavEntry.view("audit", () -> new AuditLogsView(new AuditLogsModel(context, session.client()), context))
                : NavEntry.view("audit", () -> new NotForYourRoleView(context, "audit", context.text("audit.notAllowed",
                        rolesHeld(), context.text("role." + Role.REPORTS_READER.name()),
                        context.text("role." + Role.GLOBAL_ADMINISTRATOR.name())))));
        entries.add(session.rights().may(Permission.READ_INSIGHTS)
                ? NavEntry.view("insights", () -> new InsightsView(new InsightsModel(context, session.client(),
                        ZoneId.systemDefault(), Clock.systemDefaultZone()), context))
                : NavEntry.view("insights", () -> new NotForYourRoleView(context, "insights", context.text(
                        "insights.notAllowed", rolesHeld(), context.text("role." + Role.REPORTS_READER.name()),
                        context.text("role." + Role.GLOBAL_ADMINISTRATOR.name())))));
    }

    /** Users: the directory paged from the server, and the helpdesk's actions on the chosen user. */
    private UsersView usersView() {
        UsersModel users = new UsersModel(context, session.client());
        UserDetailModel detail = new UserDetailModel(context, session.client(), session.rights(),
                session.session().userId());
        return new UsersView(users, new UserDetailView(detail, context, this::policy),
                new ImportUsersModel(context, session.client(), session.rights(), users::reload), context);
    }

    /** Groups: the directory's groups paged from the server, a group's members nested, and the SSPR scope through them. */
    private GroupsView groupsView() {
        Supplier<ScopePolicy> scope = () -> policy().scope();
        String readOnly = session.rights().may(Permission.MANAGE_GROUPS) ? null
                : readOnlyReason("groups.readonly", Role.USER_ADMINISTRATOR);
        return new GroupsView(new GroupsModel(context, session.client(), scope), new GroupDetailView(
                new GroupDetailModel(context, session.client(), scope), context, readOnly), context, readOnly);
    }

    /** The policy as loaded (the defaults until it is). */
    private SsprPolicy policy() {
        return editor().documentProperty().get() == null ? SsprPolicy.defaults() : editor().documentProperty().get().policy();
    }

    private <M extends PolicyPaneModel> void policyPane(M model, Function<M, PolicyPaneView<M>> view) {
        boolean editable = session.rights().may(model.editPermission());
        model.editableProperty().set(editable);
        models.add(model);
        entries.add(NavEntry.policy(model, () -> {
            PolicyPaneView<M> pane = view.apply(model);
            pane.setReadOnlyReason(readOnlyReason("readonly.policy"));
            return pane;
        }));
    }

    /** A view the role can't use: it opens to the reason, naming roles that can (a Helpdesk or a Global Administrator). */
    private NavEntry notForYourRole(String navKey, String reasonKey) {
        String reason = context.text(reasonKey, rolesHeld(), context.text("role." + Role.HELPDESK_ADMINISTRATOR.name()),
                context.text("role." + Role.GLOBAL_ADMINISTRATOR.name()));
        return NavEntry.view(navKey, () -> new NotForYourRoleView(context, navKey, reason));
    }

    /** The navigation name of the pane that edits {@code field}, or null. */
    private String paneOwning(String field) {
        return models.stream().filter(m -> m.owns(field)).findFirst().map(m -> context.text("nav." + m.key())).orElse(null);
    }

    /** "Your role (…) can … but not …; an Authentication Policy Administrator or a Global Administrator can." */
    private String readOnlyReason(String key) {
        return readOnlyReason(key, Role.AUTHENTICATION_POLICY_ADMINISTRATOR);
    }

    /** As {@link #readOnlyReason(String)}, naming {@code able} beside the Global Administrator. */
    private String readOnlyReason(String key, Role able) {
        return context.text(key, rolesHeld(), context.text("role." + able.name()),
                context.text("role." + Role.GLOBAL_ADMINISTRATOR.name()));
    }

    private String rolesHeld() {
        String roles = session.rights().roles().stream().map(r -> context.text("role." + r.name()))
                .collect(Collectors.joining(", "));
        return roles.isEmpty() ? context.text("role.none") : roles;
    }

    /** "Your role (…) can't …; a Global Administrator can." */
    private String globalOnlyReason(String key) {
        return context.text(key, rolesHeld(), context.text("role." + Role.GLOBAL_ADMINISTRATOR.name()));
    }

    /** The one editor over every policy pane (made on first use, after all panes are listed). */
    public PolicyEditor editor() {
        if (editor == null) {
            editor = new PolicyEditor(models);
        }
        return editor;
    }

    /** The one saver: the shell's save bar and the history's rollback both reload through it. */
    public PolicySaver saver() {
        if (saver == null) {
            saver = new PolicySaver(context, session.client(), editor());
        }
        return saver;
    }

    public List<NavEntry> entries() {
        return List.copyOf(entries);
    }
}
