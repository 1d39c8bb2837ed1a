package org.opensspr.policy;

import java.util.Objects;

/** The whole self-service password reset policy, one immutable section per admin-console pane. */
public record SsprPolicy(ScopePolicy scope, MethodsPolicy methods, RegistrationPolicy registration,
                         NotificationPolicy notifications, CustomizationPolicy customization,
                         OnPremisesPolicy onPremises, PasswordProtectionPolicy passwordProtection,
                         AdministratorPolicy administrators, KioskNetworkPolicy kioskNetworks) {
    public SsprPolicy {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(methods, "methods");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(customization, "customization");
        Objects.requireNonNull(onPremises, "onPremises");
        Objects.requireNonNull(passwordProtection, "passwordProtection");
        Objects.requireNonNull(administrators, "administrators");
        Objects.requireNonNull(kioskNetworks, "kioskNetworks");
    }

    /** A new organization's policy: SSPR off for users (admins on), seed 000's recommended values otherwise. */
    public static SsprPolicy defaults() {
        return new SsprPolicy(ScopePolicy.none(), MethodsPolicy.defaults(), RegistrationPolicy.defaults(),
                NotificationPolicy.defaults(), CustomizationPolicy.defaults(), OnPremisesPolicy.defaults(),
                PasswordProtectionPolicy.defaults(), AdministratorPolicy.defaults(), KioskNetworkPolicy.anyNetwork());
    }

    public SsprPolicy withScope(ScopePolicy value) {
        return new SsprPolicy(value, methods, registration, notifications, customization, onPremises,
                passwordProtection, administrators, kioskNetworks);
    }

    public SsprPolicy withMethods(MethodsPolicy value) {
        return new SsprPolicy(scope, value, registration, notifications, customization, onPremises,
                passwordProtection, administrators, kioskNetworks);
    }

    public SsprPolicy withRegistration(RegistrationPolicy value) {
        return new SsprPolicy(scope, methods, value, notifications, customization, onPremises,
                passwordProtection, administrators, kioskNetworks);
    }

    public SsprPolicy withNotifications(NotificationPolicy value) {
        return new SsprPolicy(scope, methods, registration, value, customization, onPremises,
                passwordProtection, administrators, kioskNetworks);
    }

    public SsprPolicy withCustomization(CustomizationPolicy value) {
        return new SsprPolicy(scope, methods, registration, notifications, value, onPremises,
                passwordProtection, administrators, kioskNetworks);
    }

    public SsprPolicy withOnPremises(OnPremisesPolicy value) {
        return new SsprPolicy(scope, methods, registration, notifications, customization, value,
                passwordProtection, administrators, kioskNetworks);
    }

    public SsprPolicy withPasswordProtection(PasswordProtectionPolicy value) {
        return new SsprPolicy(scope, methods, registration, notifications, customization, onPremises,
                value, administrators, kioskNetworks);
    }

    public SsprPolicy withAdministrators(AdministratorPolicy value) {
        return new SsprPolicy(scope, methods, registration, notifications, customization, onPremises,
                passwordProtection, value, kioskNetworks);
    }

    public SsprPolicy withKioskNetworks(KioskNetworkPolicy value) {
        return new SsprPolicy(scope, methods, registration, notifications, customization, onPremises,
                passwordProtection, administrators, value);
    }
}
