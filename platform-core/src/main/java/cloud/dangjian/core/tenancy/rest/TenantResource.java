package cloud.dangjian.core.tenancy.rest;

import cloud.dangjian.core.paging.PageOf;
import cloud.dangjian.core.tenancy.domain.Slugs;
import cloud.dangjian.core.tenancy.domain.Tenant;
import cloud.dangjian.core.tenancy.domain.TenantPlan;
import cloud.dangjian.core.tenancy.domain.TenantStatus;
import cloud.dangjian.core.tenancy.domain.TenantType;
import cloud.dangjian.core.tenancy.service.TenantService;
import cloud.dangjian.core.tenancy.service.TenantService.TenantDraft;
import cloud.dangjian.core.tenancy.service.TenantService.TenantFilter;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant registry, for platform and region administrators. */
@Path("/api/admin/tenants")
@Tag(name = "Tenants", description = "Onboard tenants, change their plans, suspend, reactivate and archive them")
public class TenantResource {

    /** A tenant's plan as the API shows and takes it. */
    public record PlanBody(
            @NotNull @Size(max = 50) List<@Pattern(regexp = "^[a-z0-9][a-z0-9-]*$", message = "must be a plugin id") String> plugins,
            LocalDate expiresOn,
            @Min(value = 0, message = "must not be negative") @Max(value = 10_000_000, message = "must be at most 10,000,000") int memberQuota) {

        TenantPlan toPlan() {
            return new TenantPlan(plugins, expiresOn, memberQuota);
        }

        static PlanBody of(TenantPlan plan) {
            return new PlanBody(plan.plugins(), plan.expiresOn(), plan.memberQuota());
        }
    }

    /** A tenant as the API shows it. */
    public record TenantView(String id, String name, TenantType type, String regionCode, TenantStatus status,
            PlanBody plan, Instant createdAt, Instant updatedAt) {
    }

    /** A tenant to onboard. */
    public record NewTenant(
            @NotBlank @Pattern(regexp = Slugs.PATTERN, message = "must be a slug of 2 to 63 lower-case letters, digits and inner hyphens") String id,
            @NotBlank @Size(max = 200) String name, @NotNull TenantType type, @NotBlank String regionCode,
            @NotNull @Valid PlanBody plan) {
    }

    /** The changeable facts of a tenant. */
    public record TenantUpdate(@NotBlank @Size(max = 200) String name, @NotNull TenantType type,
            @NotBlank String regionCode, @NotNull @Valid PlanBody plan) {
    }

    @Inject
    TenantService tenants;

    @Inject
    TenantViews views;

    @GET
    @Operation(summary = "List tenants, filtered by region subtree, type and status, paged")
    public PageOf<TenantView> list(@QueryParam("region") String region, @QueryParam("type") TenantType type,
            @QueryParam("status") TenantStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must not be negative") int page,
            @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "must be at least 1") @Max(value = 500, message = "must be at most 500") int size) {
        PageOf<Tenant> found = tenants.list(new TenantFilter(region, type, status), page, size);
        return new PageOf<>(views.of(found.items()), found.page(), found.size(), found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one tenant")
    public TenantView get(@PathParam("id") String id) {
        return views.of(tenants.get(id));
    }

    @POST
    @Operation(summary = "Onboard a tenant into a region with a plan")
    public Response create(@Valid @NotNull NewTenant tenant, UriInfo uriInfo) {
        Tenant created = tenants.create(tenant.id(),
                new TenantDraft(tenant.name(), tenant.type(), tenant.regionCode(), tenant.plan().toPlan()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id()).build()).entity(views.of(created))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a tenant's name, type, region or plan")
    public TenantView update(@PathParam("id") String id, @Valid @NotNull TenantUpdate update) {
        return views.of(tenants.update(id,
                new TenantDraft(update.name(), update.type(), update.regionCode(), update.plan().toPlan())));
    }

    @POST
    @Path("/{id}/suspend")
    @Operation(summary = "Suspend a tenant: its API answers 403 tenant-suspended, its data is kept")
    public TenantView suspend(@PathParam("id") String id) {
        return views.of(tenants.changeStatus(id, TenantStatus.SUSPENDED));
    }

    @POST
    @Path("/{id}/activate")
    @Operation(summary = "Reactivate a suspended or archived tenant")
    public TenantView activate(@PathParam("id") String id) {
        return views.of(tenants.changeStatus(id, TenantStatus.ACTIVE));
    }

    @POST
    @Path("/{id}/archive")
    @Operation(summary = "Archive a tenant: its API answers 403 tenant-archived, its data is kept")
    public TenantView archive(@PathParam("id") String id) {
        return views.of(tenants.changeStatus(id, TenantStatus.ARCHIVED));
    }
}
