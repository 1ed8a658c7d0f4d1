package cloud.dangjian.plugins.points.web;

import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.member.domain.MemberRepository;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.web.service.Locales;
import cloud.dangjian.core.web.service.ShellAccess;
import cloud.dangjian.plugins.points.PointsPlugin;
import cloud.dangjian.plugins.points.domain.PointsTask;
import cloud.dangjian.plugins.points.domain.TaskStatus;
import cloud.dangjian.plugins.points.service.MemberLink;
import cloud.dangjian.plugins.points.service.PointsTaskRejections;
import cloud.dangjian.plugins.points.service.PointsTasks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 积分任务: the open tasks of the member's organisations to claim, their own tasks to report done, and for those who manage
 * tasks the form to publish one and the completed tasks to approve or send back. Every step is a form with a token; a
 * refused step comes back with the reason beside the field and what was typed kept.
 */
@Path("/t/{tenant}/points/tasks")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PointsTaskPages {

    /** What the page shows. */
    public record Page(String tenant, String csrf, boolean linked, List<TaskLine> open, List<TaskLine> mine,
            boolean manager, List<OrganisationChoice> organisations, List<TaskLine> awaiting, PublishForm publish,
            String notice, String alert) {
    }

    /** One task as a row of the page; {@code error} and {@code typed} belong to its form when a step was refused. */
    public record TaskLine(long id, String title, String description, String organisation, String points, String status,
            String claimant, String note, String when, String sentBack, boolean own, String error, String typed) {
    }

    /** An organisation the caller may publish tasks for. */
    public record OrganisationChoice(long id, String label, boolean selected) {
    }

    /** The publish form: what was typed and the error beside each field. */
    public record PublishForm(String organisationId, String title, String description, String points, String max,
            String organisationError, String titleError, String descriptionError, String pointsError) {

        static PublishForm empty(String max) {
            return new PublishForm("", "", "", "", max, null, null, null, null);
        }
    }

    /** A refused step of one task, to show beside its form. */
    record Refusal(long taskId, String error, String typed) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tasks(Page page);
    }

    @Inject
    ShellAccess access;

    @Inject
    Caller caller;

    @Inject
    PointsShell shell;

    @Inject
    PointsTasks tasks;

    @Inject
    PointsTaskRejections rejections;

    @Inject
    MemberLink link;

    @Inject
    MemberRepository members;

    @Inject
    OrganisationRepository organisations;

    @Inject
    TenantAccess tenantAccess;

    @Inject
    PluginStates states;

    @Inject
    PointsPlugin plugin;

    @GET
    public TemplateInstance show(@PathParam("tenant") String tenant, @QueryParam("done") String done,
            @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = access.require(tenant, PointsPlugin.TAKE_TASKS);
        Locale locale = PointsShell.locale(lang);
        PointsMessages messages = PointsShell.messages(locale);
        String notice = done == null ? null : switch (done) {
            case "claimed" -> messages.claimed();
            case "completed" -> messages.completed();
            case "approved" -> messages.approved();
            case "rejected" -> messages.rejected();
            case "published" -> messages.published();
            default -> null;
        };
        return Templates.tasks(page(tenant, grant, locale, null, null, notice)).setLocale(locale);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("tenant") String tenant, @RestForm("csrf") String csrf,
            @RestForm("organisationId") String organisationId, @RestForm("title") String title,
            @RestForm("description") String description, @RestForm("points") String points,
            @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = access.require(tenant, PointsPlugin.MANAGE_TASKS);
        shell.requireToken(csrf, tenant);
        Locale locale = PointsShell.locale(lang);
        PointsMessages messages = PointsShell.messages(locale);
        int max = shell.inTenant(tenant, () -> states.configuration(plugin.descriptor()).maxTaskPoints());
        Map<String, String> errors = new HashMap<>();
        Long organisation = organisationId == null ? null
                : PointsShell.integer(organisationId) == null ? null : Long.valueOf(organisationId.strip());
        if (organisation == null) {
            errors.put("organisationId", messages.error_required());
        }
        if (title == null || title.isBlank()) {
            errors.put("title", messages.error_required());
        } else if (title.strip().length() > 200) {
            errors.put("title", messages.error_too_long("200"));
        }
        if (description != null && description.length() > 2000) {
            errors.put("description", messages.error_too_long("2000"));
        }
        Integer worth = PointsShell.integer(points);
        if (worth == null) {
            errors.put("points",
                    points == null || points.isBlank() ? messages.error_required() : messages.error_number());
        } else if (worth < 1 || worth > max) {
            errors.put("points", messages.error_task_range(String.valueOf(max)));
        }
        int status = 400;
        if (errors.isEmpty()) {
            try {
                String text = description == null || description.isBlank() ? null : description.strip();
                PointsTask task = shell.inTenant(tenant,
                        () -> tasks.publish(organisation, title, text, worth, caller.username()));
                return done(tenant, "published", task.id());
            } catch (ProblemException refused) {
                status = refused.status();
                String field = PointsShell.fieldOf(refused, "title");
                errors.put(field, describe(refused, messages, max));
            }
        }
        PublishForm form = new PublishForm(PointsShell.orEmpty(organisationId), PointsShell.orEmpty(title),
                PointsShell.orEmpty(description), PointsShell.orEmpty(points), String.valueOf(max),
                errors.get("organisationId"), errors.get("title"), errors.get("description"), errors.get("points"));
        return Response.status(status)
                .entity(Templates.tasks(page(tenant, grant, locale, form, null, null)).setLocale(locale)).build();
    }

    @POST
    @Path("/{id}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(@PathParam("tenant") String tenant, @PathParam("id") long id, @RestForm("csrf") String csrf,
            @CookieParam(Locales.COOKIE) String lang) {
        return step(tenant, id, csrf, lang, PointsPlugin.TAKE_TASKS, null, "claimed", messages -> {
            long member = link.memberOf(caller.username())
                    .orElseThrow(() -> ProblemException.invalidField("memberId", messages.error_no_link()));
            tasks.claim(id, member, caller.username());
        });
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("tenant") String tenant, @PathParam("id") long id,
            @RestForm("csrf") String csrf, @RestForm("note") String note, @CookieParam(Locales.COOKIE) String lang) {
        return step(tenant, id, csrf, lang, PointsPlugin.TAKE_TASKS, note, "completed", messages -> {
            if (note != null && note.length() > 2000) {
                throw ProblemException.invalidField("note", messages.error_too_long("2000"));
            }
            tasks.complete(id, note == null || note.isBlank() ? null : note.strip(), caller.username(),
                    tenantAccess.holds(PointsPlugin.MANAGE_TASKS));
        });
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("tenant") String tenant, @PathParam("id") long id, @RestForm("csrf") String csrf,
            @CookieParam(Locales.COOKIE) String lang) {
        return step(tenant, id, csrf, lang, PointsPlugin.MANAGE_TASKS, null, "approved",
                messages -> tasks.approve(id, caller.username()));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("tenant") String tenant, @PathParam("id") long id, @RestForm("csrf") String csrf,
            @RestForm("reason") String reason, @CookieParam(Locales.COOKIE) String lang) {
        return step(tenant, id, csrf, lang, PointsPlugin.MANAGE_TASKS, reason, "rejected", messages -> {
            if (reason == null || reason.isBlank()) {
                throw ProblemException.invalidField("reason", messages.error_required());
            }
            if (reason.strip().length() > 500) {
                throw ProblemException.invalidField("reason", messages.error_too_long("500"));
            }
            rejections.reject(id, reason, caller.username());
        });
    }

    /** Work of one step, in the tenant's transaction; it may refuse with a ProblemException. */
    interface Step {
        void run(PointsMessages messages);
    }

    private Response step(String tenant, long id, String csrf, String lang, String permission, String typed,
            String done, Step work) {
        Caller.TenantGrant grant = access.require(tenant, permission);
        shell.requireToken(csrf, tenant);
        Locale locale = PointsShell.locale(lang);
        PointsMessages messages = PointsShell.messages(locale);
        try {
            shell.inTenant(tenant, () -> {
                work.run(messages);
                return null;
            });
            return done(tenant, done, id);
        } catch (ProblemException refused) {
            int max = shell.inTenant(tenant, () -> states.configuration(plugin.descriptor()).maxTaskPoints());
            Refusal refusal = new Refusal(id, describe(refused, messages, max), PointsShell.orEmpty(typed));
            return Response.status(refused.status())
                    .entity(Templates.tasks(page(tenant, grant, locale, null, refusal, null)).setLocale(locale))
                    .build();
        }
    }

    private static Response done(String tenant, String what, long taskId) {
        return Response.seeOther(URI.create("/t/" + tenant + "/points/tasks?done=" + what + "#task-" + taskId)).build();
    }

    /** A refusal in the user's language where the page knows it; otherwise the service's own words. */
    private static String describe(ProblemException refused, PointsMessages messages, int max) {
        String type = PointsShell.typeOf(refused);
        String field = PointsShell.fieldOf(refused, "");
        if ("outside-your-organisation".equals(type)) {
            return messages.error_outside();
        }
        if ("own-task".equals(type)) {
            return messages.own_task();
        }
        if ("not-your-task".equals(type)) {
            return messages.error_not_yours();
        }
        if (refused.status() == 409) {
            return messages.error_state();
        }
        if ("points".equals(field)) {
            return messages.error_task_range(String.valueOf(max));
        }
        if (refused.status() == 404) {
            return messages.error_state();
        }
        return refused.toProblem().detail();
    }

    private Page page(String tenant, Caller.TenantGrant grant, Locale locale, PublishForm form, Refusal refusal,
            String notice) {
        PointsMessages messages = PointsShell.messages(locale);
        boolean manager = grant.permissions().contains(PointsPlugin.MANAGE_TASKS);
        return shell.inTenant(tenant, () -> {
            Optional<Long> me = link.memberOf(caller.username());
            Map<Long, Organisation> organisationsById = new HashMap<>();
            organisations.listAll().forEach(o -> organisationsById.put(o.id(), o));
            Organisation branch = me.flatMap(member -> members.findByIdOptional(member))
                    .map(member -> organisationsById.get(member.branchId())).orElse(null);
            Map<Long, String> names = new HashMap<>();

            // A member sees the open tasks of the organisations above their branch; a secretary with no member record
            // of their own sees those of the organisations they manage, to follow what they published.
            List<PointsTask> openTasks = tasks.list(TaskStatus.OPEN, 500).stream().filter(task -> {
                Organisation organisation = organisationsById.get(task.organisationId());
                return organisation != null && (branch != null ? organisation.contains(branch)
                        : manager && tenantAccess.isWritable(organisation));
            }).toList();
            List<PointsTask> mineTasks = new ArrayList<>();
            if (me.isPresent()) {
                for (TaskStatus status : List.of(TaskStatus.CLAIMED, TaskStatus.COMPLETED, TaskStatus.APPROVED)) {
                    tasks.list(status, status == TaskStatus.APPROVED ? 50 : 500).stream()
                            .filter(task -> me.get().equals(task.memberId())).forEach(mineTasks::add);
                }
            }
            List<PointsTask> awaitingTasks = !manager ? List.of()
                    : tasks.list(TaskStatus.COMPLETED, 500).stream()
                            .filter(task -> tenantAccess.isWritable(organisationsById.get(task.organisationId())))
                            .toList();
            List<Long> ids = new ArrayList<>();
            mineTasks.forEach(task -> ids.add(task.id()));
            Map<Long, String> sentBack = rejections.reasons(ids);

            java.util.function.Function<PointsTask, TaskLine> line = task -> {
                Organisation organisation = organisationsById.get(task.organisationId());
                String claimant = task.memberId() == null ? ""
                        : names.computeIfAbsent(task.memberId(),
                                id -> members.findByIdOptional(id).map(m -> m.name()).orElse(""));
                boolean own = caller.username().equals(task.claimedBy())
                        || caller.username().equals(task.completedBy());
                boolean refused = refusal != null && refusal.taskId() == task.id();
                String when = PointsShell.time(task.status() == TaskStatus.OPEN ? task.publishedAt()
                        : task.status() == TaskStatus.CLAIMED ? task.claimedAt()
                                : task.status() == TaskStatus.COMPLETED ? task.completedAt() : task.approvedAt(),
                        locale);
                return new TaskLine(task.id(), task.title(), PointsShell.orEmpty(task.description()),
                        organisation == null ? "" : organisation.name(),
                        messages.task_points(PointsShell.number(task.points(), locale)), task.status().name(), claimant,
                        PointsShell.orEmpty(task.completionNote()), when,
                        task.status() == TaskStatus.CLAIMED ? sentBack.get(task.id()) : null, own,
                        refused ? refusal.error() : null, refused ? refusal.typed() : "");
            };

            List<OrganisationChoice> choices = new ArrayList<>();
            String selected = form == null ? "" : form.organisationId();
            if (manager) {
                organisationsById.values().stream().filter(tenantAccess::isWritable)
                        .sorted(Comparator.comparing(Organisation::path))
                        .forEach(o -> choices.add(new OrganisationChoice(o.id(), o.name() + " (" + o.code() + ")",
                                String.valueOf(o.id()).equals(selected)
                                        || (selected.isEmpty() && branch != null && o.id().equals(branch.id())))));
            }
            String max = String.valueOf(states.configuration(plugin.descriptor()).maxTaskPoints());
            // A refusal of a task no longer on the page (taken by someone else) is shown at the top instead.
            List<TaskLine> open = openTasks.stream().map(line).toList();
            List<TaskLine> mine = mineTasks.stream().map(line).toList();
            List<TaskLine> awaiting = awaitingTasks.stream().map(line).toList();
            boolean shown = refusal != null && java.util.stream.Stream.of(open, mine, awaiting).flatMap(List::stream)
                    .anyMatch(task -> task.id() == refusal.taskId());
            String alert = refusal != null && !shown ? refusal.error() : null;
            return new Page(tenant, shell.csrf(tenant), me.isPresent(), open, mine, manager, choices, awaiting,
                    form == null ? PublishForm.empty(max) : form, notice, alert);
        });
    }
}
