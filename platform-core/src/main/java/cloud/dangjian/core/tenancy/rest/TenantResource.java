package cloud.dangjian.core.tenancy.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.domain.Region;
import cloud.dangjian.core.tenancy.domain.RegionRepository;
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
@RequiresPermission(Permission.TENANTS_MANAGE)
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

    @Inject
    Caller caller;

    @Inject
    RegionRepository regions;

    @GET
    @Operation(summary = "List tenants, filtered by region subtree, type and status, paged")
    public PageOf<TenantView> list(@QueryParam("region") String region, @QueryParam("type") TenantType type,
            @QueryParam("status") TenantStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must not be negative") int page,
            @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "must be at least 1") @Max(value = 500, message = "must be at most 500") int size) {
        String scoped = region;
        if (!caller.isPlatformAdmin()) {
            if (scoped == null && caller.administeredRegionPaths().size() != 1) {
                throw ProblemException.invalidField("region", "name the region whose tenants to list");
            }
            scoped = scoped != null ? scoped : codeOf(caller.administeredRegionPaths().get(0));
            caller.requireAdministers(region(scoped));
        }
        PageOf<Tenant> found = tenants.list(new TenantFilter(scoped, type, status), page, size);
        return new PageOf<>(views.of(found.items()), found.page(), found.size(), found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one tenant")
    public TenantView get(@PathParam("id") String id) {
        return views.of(administered(id));
    }

    @POST
    @Operation(summary = "Onboard a tenant into a region with a plan")
    public Response create(@Valid @NotNull NewTenant tenant, UriInfo uriInfo) {
        caller.requireAdministers(region(tenant.regionCode()));
        Tenant created = tenants.create(tenant.id(),
                new TenantDraft(tenant.name(), tenant.type(), tenant.regionCode(), tenant.plan().toPlan()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id()).build()).entity(views.of(created))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a tenant's name, type, region or plan")
    public TenantView update(@PathParam("id") String id, @Valid @NotNull TenantUpdate update) {
        administered(id);
        caller.requireAdministers(region(update.regionCode()));
        return views.of(tenants.update(id,
                new TenantDraft(update.name(), update.type(), update.regionCode(), update.plan().toPlan())));
    }

    @POST
    @Path("/{id}/suspend")
    @Operation(summary = "Suspend a tenant: its API answers 403 tenant-suspended, its data is kept")
    public TenantView suspend(@PathParam("id") String id) {
        administered(id);
        return views.of(tenants.changeStatus(id, TenantStatus.SUSPENDED));
    }

    @POST
    @Path("/{id}/activate")
    @Operation(summary = "Reactivate a suspended or archived tenant")
    public TenantView activate(@PathParam("id") String id) {
        administered(id);
        return views.of(tenants.changeStatus(id, TenantStatus.ACTIVE));
    }

    @POST
    @Path("/{id}/archive")
    @Operation(summary = "Archive a tenant: its API answers 403 tenant-archived, its data is kept")
    public TenantView archive(@PathParam("id") String id) {
        administered(id);
        return views.of(tenants.changeStatus(id, TenantStatus.ARCHIVED));
    }

    /** The tenant, if the caller administers its region; otherwise it does not exist for them. */
    private Tenant administered(String id) {
        Tenant tenant = tenants.get(id);
        if (!caller.administers(regions.findById(tenant.regionId()).path())) {
            throw ProblemException.notFound("Tenant", id);
        }
        return tenant;
    }

    private Region region(String code) {
        return regions.findByCode(code)
                .orElseThrow(() -> ProblemException.invalidField("regionCode", "no region has code '" + code + "'"));
    }

    private static String codeOf(String regionPath) {
        String[] codes = regionPath.substring(1).split("/");
        return codes[codes.length - 1];
    }
}
