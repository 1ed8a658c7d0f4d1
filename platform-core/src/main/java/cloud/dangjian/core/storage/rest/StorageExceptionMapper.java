package cloud.dangjian.core.storage.rest;

import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.problem.ProblemTypes;
import cloud.dangjian.core.storage.service.ObjectStorage.StorageException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a failing object store with 503, so a client retries later instead of reporting a bug. */
public class StorageExceptionMapper {

    private static final Logger LOG = Logger.getLogger(StorageExceptionMapper.class);

    @ServerExceptionMapper
    public Response unavailable(StorageException exception) {
        LOG.error("Object storage failed while serving a request", exception);
        Problem problem = new Problem(ProblemTypes.uri("storage-unavailable"), "Storage unavailable",
                Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                "File storage is not reachable at the moment; nothing was changed. Try again shortly.", null, null);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
