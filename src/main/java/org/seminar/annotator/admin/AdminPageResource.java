package org.seminar.annotator.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.seminar.annotator.account.AccountViews;
import org.seminar.annotator.account.ClassListImport;
import org.seminar.annotator.account.CurrentUser;
import org.seminar.annotator.account.Roles;
import org.seminar.annotator.account.UserAdministration;
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.config.AnnotatorConfig;
import org.seminar.annotator.group.GroupAdministration;
import org.seminar.annotator.web.Flash;
import org.seminar.annotator.web.ParameterRules;
import org.seminar.annotator.web.ProblemException;

/**
 * The admin area: users, seminar groups, class-list import and the log (the codebook: {@link CodebookPageResource}), as server-rendered forms
 * (post, then redirect with a message). Every page and form is for admins only.
 */
@Path("/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminPageResource {


    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<AccountViews.UserView> users, String search, int first, int pageSize, boolean more,
                List<AccountViews.GroupView> groups, String flash, String error);

        static native TemplateInstance user(AccountViews.UserView user, List<AccountViews.GroupView> groups, String flash, String error);

        static native TemplateInstance groups(List<AccountViews.GroupView> groups, String flash, String error);

        static native TemplateInstance importList(String csv, ClassListImport.Preview preview, AccountViews.ImportResult result,
                String error);

        static native TemplateInstance log(List<AdminLog.Entry> entries, List<String> actions, String action, String actor, String from,
                String to, int first, int previous, int next, boolean more, String query);

        static native TemplateInstance unavailable(String detail);
    }

    @Inject
    AnnotatorConfig config;
    @Inject
    UserAdministration users;
    @Inject
    GroupAdministration groups;
    @Inject
    ClassListImport classList;
    @Inject
    AdminLog log;
    @Inject
    CurrentUser admin;
    @Inject
    Flash flashScope;

    @GET
    public Response usersPage(@QueryParam("search") String search, @QueryParam("first") String first, @CookieParam(Flash.COOKIE) String flash) {
        Integer start = ParameterRules.integer("first", first, 0, Integer.MAX_VALUE);
        return page(() -> {
            int from = start == null ? 0 : start;
            List<AccountViews.UserView> found = users.list(search, from, config.admin().pageSize() + 1);
            return Templates.users(found.subList(0, Math.min(config.admin().pageSize(), found.size())), search == null ? "" : search, from,
                    config.admin().pageSize(), found.size() > config.admin().pageSize(), groups.list(), flashScope.read(flash), null);
        });
    }

    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createUser(@RestForm String username, @RestForm String email, @RestForm String firstName,
            @RestForm String lastName, @RestForm String password, @RestForm String temporary, @RestForm List<String> roles,
            @RestForm List<String> groups) {
        try {
            AccountViews.UserView created = users.create(new AccountViews.NewUser(username, email, firstName, lastName, password,
                    temporary != null, roles, groups), admin.username());
            return redirect("/admin/users/" + created.id(), "Account " + created.username() + " created.");
        } catch (ProblemException e) {
            return page(e.status(), () -> Templates.users(users.list(null, 0, config.admin().pageSize()), "", 0, config.admin().pageSize(), false, this.groups.list(), null, e.getMessage()));
        }
    }

    @GET
    @Path("users/{id}")
    public Response userPage(@PathParam("id") String id, @CookieParam(Flash.COOKIE) String flash) {
        return page(() -> Templates.user(users.get(id), groups.list(), flashScope.read(flash), null));
    }

    @POST
    @Path("users/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateUser(@PathParam("id") String id, @RestForm String email, @RestForm String firstName,
            @RestForm String lastName, @RestForm String enabled, @RestForm List<String> roles, @RestForm List<String> groups) {
        try {
            users.update(id, new AccountViews.UserChange(enabled != null, roles, groups, firstName, lastName, email), admin.username());
            return redirect("/admin/users/" + id, "Changes saved.");
        } catch (ProblemException e) {
            return page(e.status(), () -> Templates.user(users.get(id), this.groups.list(), null, e.getMessage()));
        }
    }

    @POST
    @Path("users/{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@PathParam("id") String id, @RestForm String password, @RestForm String temporary) {
        try {
            users.resetPassword(id, new AccountViews.PasswordReset(password, temporary != null), admin.username());
            return redirect("/admin/users/" + id, "Password reset.");
        } catch (ProblemException e) {
            return page(e.status(), () -> Templates.user(users.get(id), groups.list(), null, e.getMessage()));
        }
    }

    @GET
    @Path("groups")
    public Response groupsPage(@CookieParam(Flash.COOKIE) String flash) {
        return page(() -> Templates.groups(groups.list(), flashScope.read(flash), null));
    }

    @POST
    @Path("groups")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createGroup(@RestForm String name) {
        return groupAction(() -> "Group " + groups.create(new AccountViews.NewGroup(name), admin.username()).name() + " created.");
    }

    @POST
    @Path("groups/{id}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renameGroup(@PathParam("id") String id, @RestForm String name) {
        return groupAction(() -> "Group renamed to " + groups.rename(id, new AccountViews.NewGroup(name), admin.username()).name() + ".");
    }

    @POST
    @Path("groups/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteGroup(@PathParam("id") String id) {
        return groupAction(() -> {
            groups.delete(id, admin.username());
            return "Group deleted.";
        });
    }

    private Response groupAction(Supplier<String> action) {
        try {
            return redirect("/admin/groups", action.get());
        } catch (ProblemException e) {
            return page(e.status(), () -> Templates.groups(groups.list(), null, e.getMessage()));
        }
    }

    @GET
    @Path("import")
    public Response importPage() {
        return page(() -> Templates.importList("", null, null, null));
    }

    /** Step one: check every row and show the preview; step two (confirm) creates the accounts. */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response importClassList(@RestForm String csv, @RestForm String confirm) {
        try {
            if (confirm == null) {
                return page(() -> Templates.importList(csv, classList.preview(csv), null, null));
            }
            return page(() -> Templates.importList("", null, classList.importCsv(csv, admin.username()), null));
        } catch (ClassListImport.RowsRejected e) {
            return page(400, () -> Templates.importList(csv, classList.preview(csv), null, e.getMessage()));
        } catch (ProblemException e) {
            return page(e.status(), () -> Templates.importList(csv, null, null, e.getMessage()));
        }
    }

    @GET
    @Path("log")
    public Response logPage(@QueryParam("action") String action, @QueryParam("actor") String actor, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("first") String first) {
        int start = java.util.Optional.ofNullable(ParameterRules.integer("first", first, 0, Integer.MAX_VALUE)).orElse(0);
        int size = config.admin().pageSize();
        AdminLog.Filter filter = AdminLog.Filter.of(action, actor, from, to);
        List<AdminLog.Entry> entries = log.latest(filter, start, size + 1);
        StringBuilder query = new StringBuilder();
        for (String[] p : new String[][] {{"action", filter.action()}, {"actor", filter.actor()},
                {"from", filter.from() == null ? null : filter.from().toString()}, {"to", filter.to() == null ? null : filter.to().toString()}}) {
            if (p[1] != null) {
                query.append('&').append(p[0]).append('=').append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
            }
        }
        return page(() -> Templates.log(entries.subList(0, Math.min(size, entries.size())), log.actions(), filter.action(), filter.actor(),
                filter.from() == null ? null : filter.from().toString(), filter.to() == null ? null : filter.to().toString(), start,
                Math.max(0, start - size), start + size, entries.size() > size, query.toString()));
    }

    private Response page(Supplier<TemplateInstance> render) {
        return page(200, render);
    }

    /** Renders a page; when Keycloak cannot be reached the admin sees a page that says so. */
    private Response page(int status, Supplier<TemplateInstance> render) {
        try {
            return Response.status(status).entity(render.get()).build();
        } catch (ProblemException e) {
            if (e.status() == 503) {
                return Response.status(503).entity(Templates.unavailable(e.getMessage())).build();
            }
            throw e;
        }
    }

    private Response redirect(String path, String message) {
        return flashScope.redirect(path, message);
    }
}
