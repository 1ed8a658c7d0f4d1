package cloud.dangjian.core.applicant.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.applicant.domain.Applicant;
import cloud.dangjian.core.applicant.domain.DevelopmentStage;
import cloud.dangjian.core.applicant.service.ApplicantService;
import cloud.dangjian.core.applicant.service.ApplicantService.ApplicationDraft;
import cloud.dangjian.core.member.domain.Gender;
import cloud.dangjian.core.paging.Slice;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The activist database (入党积极分子信息库) and the member development process of one tenant. */
@Path("/api/t/{tenant}/applicants")
@Tag(name = "Applicants", description = "Applicants and activists, advanced one development stage at a time")
public class ApplicantResource {

    /** An applicant as the API shows it. */
    public record ApplicantView(long id, String code, String name, Gender gender, LocalDate birthDate, String phone,
            long branchId, DevelopmentStage stage, LocalDate appliedOn, LocalDate activistOn, LocalDate candidateOn,
            LocalDate probationaryOn, LocalDate fullMemberOn, Long memberId) {
        static ApplicantView of(Applicant a) {
            return new ApplicantView(a.id(), a.code(), a.name(), a.gender(), a.birthDate(), a.phone(), a.branchId(),
                    a.stage(), a.appliedOn(), a.activistOn(), a.candidateOn(), a.probationaryOn(), a.fullMemberOn(),
                    a.memberId());
        }
    }

    /** An application to a branch. */
    public record NewApplication(
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_.-]*$", message = "must be letters, digits, '_', '.' or '-'") String code,
            @NotBlank @Size(max = 100) String name, @NotNull Gender gender, @Past LocalDate birthDate,
            @Pattern(regexp = "^\\+?[0-9][0-9-]{4,19}$", message = "must be a phone number of digits and hyphens") String phone,
            @NotNull Long branchId, @NotNull @PastOrPresent LocalDate appliedOn) {
    }

    /** The stage reached, and when. */
    public record Advance(@NotNull DevelopmentStage stage, @NotNull @PastOrPresent LocalDate on) {
    }

    @Inject
    ApplicantService applicants;

    @GET
    @RequiresPermission(Permission.APPLICANTS_READ)
    @Operation(summary = "List applicants by name prefix, optionally at one stage, one slice at a time")
    public Slice<ApplicantView> list(@QueryParam("name") @Size(max = 100) String name,
            @QueryParam("stage") DevelopmentStage stage, @QueryParam("after") String after,
            @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "must be at least 1") @Max(value = 500, message = "must be at most 500") int size) {
        Slice<Applicant> slice = applicants.list(name, stage, after, size);
        return new Slice<>(slice.items().stream().map(ApplicantView::of).toList(), slice.next());
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.APPLICANTS_READ)
    @Operation(summary = "Read one applicant")
    public ApplicantView get(@PathParam("id") long id) {
        return ApplicantView.of(applicants.get(id));
    }

    @POST
    @RequiresPermission(Permission.APPLICANTS_WRITE)
    @Operation(summary = "Record an application to a branch (入党申请)")
    public Response apply(@Valid @NotNull NewApplication body, UriInfo uriInfo) {
        Applicant created = applicants.apply(new ApplicationDraft(body.code(), body.name(), body.gender(),
                body.birthDate(), body.phone(), body.branchId(), body.appliedOn()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(ApplicantView.of(created)).build();
    }

    @POST
    @Path("/{id}/advance")
    @RequiresPermission(Permission.APPLICANTS_WRITE)
    @Operation(summary = "Advance to the next development stage; PROBATIONARY creates the member record")
    public ApplicantView advance(@PathParam("id") long id, @Valid @NotNull Advance body) {
        return ApplicantView.of(applicants.advance(id, body.stage(), body.on()));
    }
}
