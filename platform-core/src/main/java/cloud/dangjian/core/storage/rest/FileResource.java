package cloud.dangjian.core.storage.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.storage.domain.FileStatus;
import cloud.dangjian.core.storage.domain.StoredFile;
import cloud.dangjian.core.storage.service.StoredFileService;
import cloud.dangjian.core.storage.service.StoredFileService.DownloadTicket;
import cloud.dangjian.core.storage.service.StoredFileService.UploadRequest;
import cloud.dangjian.core.storage.service.StoredFileService.UploadTicket;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's files, moved through presigned URLs: ask for an upload, PUT the bytes to the URL answered, complete it;
 * ask for a file to get a short-lived download URL.
 */
@Path("/api/t/{tenant}/files")
@Tag(name = "Files", description = "Uploads and downloads through presigned object storage URLs")
public class FileResource {

    /** A file to upload. */
    public record NewUpload(
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9]+([.-][a-z0-9]+)*$", message = "must be lower-case words joined by '.' or '-', such as attachment or learning-centre.courseware") String purpose,
            @NotBlank @Size(max = 255) String filename,
            @NotBlank @Size(max = 127) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\\s*(;.*)?$", message = "must be a media type such as application/pdf") String contentType,
            @NotNull @Positive(message = "must be the file's size in bytes") Long size) {
    }

    /** A file as the API shows it. */
    public record FileView(UUID id, String purpose, String filename, String contentType, long size, FileStatus status,
            String uploadedBy, Instant createdAt, Instant storedAt) {
        static FileView of(StoredFile file) {
            return new FileView(file.id(), file.purpose(), file.originalFilename(), file.contentType(),
                    file.storedSize() != null ? file.storedSize() : file.declaredSize(), file.status(),
                    file.uploadedBy(), file.createdAt(), file.storedAt());
        }
    }

    /** Where to PUT the bytes: send exactly {@code headers}, before {@code expiresAt}, then complete the file. */
    public record UploadView(FileView file, String uploadUrl, String method, Map<String, String> headers,
            Instant expiresAt) {
    }

    /** Where to GET the bytes, before {@code expiresAt}. */
    public record DownloadView(FileView file, String downloadUrl, Instant expiresAt) {
    }

    @Inject
    StoredFileService service;

    @POST
    @Path("/uploads")
    // Readers reach this; the purpose's policy names the permission an upload needs (files:write unless it says).
    @RequiresPermission(Permission.FILES_READ)
    @Operation(summary = "Ask to upload a file for a purpose; answers a presigned PUT URL and the file's id")
    public Response beginUpload(@Valid @NotNull NewUpload body, UriInfo uriInfo) {
        UploadTicket ticket = service
                .beginUpload(new UploadRequest(body.purpose(), body.filename(), body.contentType(), body.size()));
        URI location = uriInfo.getBaseUriBuilder().path("api/t/{tenant}/files/{id}")
                .build(uriInfo.getPathParameters().getFirst("tenant"), ticket.file().id());
        return Response.created(location).entity(
                new UploadView(FileView.of(ticket.file()), ticket.url(), "PUT", ticket.headers(), ticket.expiresAt()))
                .build();
    }

    @POST
    @Path("/{id}/complete")
    @RequiresPermission(Permission.FILES_READ)
    @Operation(summary = "Check the uploaded bytes against the purpose's policy and keep the file")
    public FileView complete(@PathParam("id") String id) {
        return FileView.of(service.complete(parse(id)));
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.FILES_READ)
    @Operation(summary = "A short-lived download URL for a file; with redirect=true, a 303 to it")
    public Response download(@PathParam("id") String id, @QueryParam("redirect") boolean redirect) {
        DownloadTicket ticket = service.download(parse(id));
        if (redirect) {
            return Response.seeOther(URI.create(ticket.url())).build();
        }
        return Response.ok(new DownloadView(FileView.of(ticket.file()), ticket.url(), ticket.expiresAt())).build();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("id", "must be a file id such as 3f2b8c1e-9d4a-4c5e-8f1a-2b3c4d5e6f70");
        }
    }
}
