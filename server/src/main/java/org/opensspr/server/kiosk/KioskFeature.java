package org.opensspr.server.kiosk;

import io.javalin.http.HandlerType;
import org.opensspr.api.KioskCreateRequest;
import org.opensspr.api.KioskCredentialDto;
import org.opensspr.api.KioskDto;
import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.api.KioskEnrollmentCodeDto;
import org.opensspr.api.Page;
import org.opensspr.directory.Permission;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.QueryParam;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Kiosk routes: administrators create, list and revoke kiosks; a kiosk enrolls with its one-time code
 * and asks who it is.
 *
 * <ul>
 *   <li>{@code POST /kiosks} (MANAGE_KIOSKS): a {@link KioskCreateRequest} → 201 {@link KioskEnrollmentCodeDto}</li>
 *   <li>{@code GET /kiosks?page=0&size=50} (MANAGE_KIOSKS): a {@link Page} of {@link KioskDto}</li>
 *   <li>{@code POST /kiosks/{id}/revoke} (MANAGE_KIOSKS): the revoked {@link KioskDto}</li>
 *   <li>{@code POST /kiosks/enroll} (public, allowed kiosk networks only): a {@link KioskEnrollRequest}
 *       → {@link KioskCredentialDto}</li>
 *   <li>{@code GET /kiosks/me} (an enrolled kiosk): its {@link KioskDto}</li>
 * </ul>
 */
public final class KioskFeature {
    public static final int MAX_PAGE_SIZE = 200;
    private static final int SMALL_BODY = 4 * 1024;

    private final KioskService kiosks;
    private final KioskNetworkGate networks;

    /**
     * @param networks checks enrollment calls against the allowed kiosk networks (enrollment is public,
     *                 so the server's gate, which sees only the route's access, can't tell it apart)
     */
    public KioskFeature(KioskService kiosks, KioskNetworkGate networks) {
        this.kiosks = kiosks;
        this.networks = networks;
    }

    public List<ApiRoute<?>> routes() {
        Access manage = Access.admin(Permission.MANAGE_KIOSKS);
        return List.of(
                ApiRoute.route(HandlerType.POST, "/kiosks", "Create a kiosk and its one-time enrollment code", manage)
                        .body(KioskCreateRequest.class).maxBody(SMALL_BODY)
                        .returns(KioskEnrollmentCodeDto.class).status(201)
                        .handle(request -> kiosks.createEnrollment(request.body().name(),
                                request.admin().userPrincipalName())),
                ApiRoute.route(HandlerType.GET, "/kiosks", "List kiosks by name, revoked ones included", manage)
                        .returns(pageOf(KioskDto.class))
                        .query(QueryParam.paging())
                        .handle(request -> kiosks.list(request.queryInt("page", 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE),
                                request.queryInt("size", 50, 1, MAX_PAGE_SIZE))),
                ApiRoute.route(HandlerType.POST, "/kiosks/{id}/revoke", "Revoke a kiosk's enrollment", manage)
                        .returns(KioskDto.class)
                        .handle(request -> kiosks.revoke(request.admin().userPrincipalName(), request.path("id"))),
                ApiRoute.route(HandlerType.POST, "/kiosks/enroll",
                                "Exchange a one-time enrollment code for the kiosk's device credential", Access.PUBLIC)
                        .body(KioskEnrollRequest.class).maxBody(SMALL_BODY)
                        .returns(KioskCredentialDto.class)
                        .handle(request -> {
                            networks.requireAllowed(request.clientAddress());
                            return kiosks.enroll(request.body(), request.clientAddress());
                        }),
                ApiRoute.route(HandlerType.GET, "/kiosks/me", "The calling kiosk's own record", Access.KIOSK)
                        .returns(KioskDto.class)
                        .handle(request -> kiosks.get(request.kiosk().kioskId())));
    }

    /** {@code Page<item>} for the OpenAPI document. */
    private static Type pageOf(Class<?> item) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {item};
            }

            @Override
            public Type getRawType() {
                return Page.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }
}
