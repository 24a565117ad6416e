package cn.hemeigrid.access;

import static cn.hemeigrid.access.Role.ADMINISTRATOR;
import static cn.hemeigrid.access.Role.DEPARTMENT_HANDLER;
import static cn.hemeigrid.access.Role.DISPATCHER_COUNTY;
import static cn.hemeigrid.access.Role.DISPATCHER_TOWNSHIP;
import static cn.hemeigrid.access.Role.DISPATCHER_VILLAGE;
import static cn.hemeigrid.access.Role.GRID_LEADER;
import static cn.hemeigrid.access.Role.GRID_WORKER_FULL_TIME;
import static cn.hemeigrid.access.Role.GRID_WORKER_PART_TIME;
import static cn.hemeigrid.access.Role.PLANNER;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.DispatcherType;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The roles allowed to call each endpoint. The first matching rule decides, and a path that no
 * rule names needs sign-in. Workflow steps are checked once more per action in the incident package,
 * because one endpoint serves every step.
 */
final class EndpointRules {

    static final Role[] ALL_STAFF = Role.values();
    static final Role[] DISPATCHERS = {DISPATCHER_VILLAGE, DISPATCHER_TOWNSHIP, DISPATCHER_COUNTY, ADMINISTRATOR};
    static final Role[] HANDLERS = {GRID_WORKER_PART_TIME, GRID_WORKER_FULL_TIME, GRID_LEADER, DEPARTMENT_HANDLER,
            DISPATCHER_VILLAGE, DISPATCHER_TOWNSHIP, DISPATCHER_COUNTY, ADMINISTRATOR};
    static final Role[] SUMMONERS = {GRID_LEADER, DISPATCHER_VILLAGE, DISPATCHER_TOWNSHIP, DISPATCHER_COUNTY,
            ADMINISTRATOR};
    static final Role[] SUMMONS_ANSWERERS = {DEPARTMENT_HANDLER, DISPATCHER_VILLAGE, DISPATCHER_TOWNSHIP,
            DISPATCHER_COUNTY, ADMINISTRATOR};
    static final Role[] REVIEWERS = {GRID_LEADER, DEPARTMENT_HANDLER, DISPATCHER_VILLAGE, DISPATCHER_TOWNSHIP,
            DISPATCHER_COUNTY, PLANNER, ADMINISTRATOR};
    static final Role[] PLANNING_READERS = {DISPATCHER_VILLAGE, DISPATCHER_TOWNSHIP, DISPATCHER_COUNTY, PLANNER,
            ADMINISTRATOR};
    static final Role[] PLANNERS = {PLANNER, ADMINISTRATOR};
    static final Role[] TEAM_READERS = {GRID_LEADER, DISPATCHER_VILLAGE, DISPATCHER_TOWNSHIP, DISPATCHER_COUNTY,
            PLANNER, ADMINISTRATOR};

    private EndpointRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();

        // Open to everyone: static files, the resident page and the sign-in page.
        rules.requestMatchers(GET, "/login.html", "/report.html", "/favicon.svg", "/css/**", "/js/**", "/webjars/**",
                "/actuator/health").permitAll();
        rules.requestMatchers(GET, "/api/v1/session").permitAll();

        // Residents without an account: report, track, follow, rate, and what the report page needs.
        rules.requestMatchers(POST, "/api/v1/incidents", "/api/v1/incidents/*/followers",
                "/api/v1/incidents/nearby/*/followers", "/api/v1/incidents/*/rating", "/api/v1/photos").permitAll();
        rules.requestMatchers(GET, "/api/v1/incidents/nearby", "/api/v1/route", "/api/v1/categories",
                "/api/v1/map/config", "/api/v1/layers/counties", "/api/v1/layers/townships",
                "/api/v1/layers/villages", "/api/v1/layers/grids", "/api/v1/photos/*").permitAll();
        // Open311 keeps its own rule: reading is open, posting needs an api_key.
        rules.requestMatchers("/open311/**").permitAll();

        // Staff pages: sign-in first; the APIs they call check the roles.
        rules.requestMatchers(GET, SecurityProblems.STAFF_PAGES.toArray(String[]::new)).authenticated();

        // Incidents and the workflow.
        rules.requestMatchers(GET, "/api/v1/incidents", "/api/v1/incidents/*/workflow",
                "/api/v1/incidents/*/transitions").hasAnyRole(Role.names(ALL_STAFF));
        rules.requestMatchers(GET, "/api/v1/incidents/*").permitAll();
        rules.requestMatchers(POST, "/api/v1/incidents/*/transitions").hasAnyRole(Role.names(HANDLERS));
        rules.requestMatchers(POST, "/api/v1/incidents/*/summons").hasAnyRole(Role.names(SUMMONERS));
        rules.requestMatchers(POST, "/api/v1/incidents/*/summons/*/answer").hasAnyRole(Role.names(SUMMONS_ANSWERERS));

        // Reference data and maps for staff.
        rules.requestMatchers(GET, "/api/v1/handler-routes", "/api/v1/departments", "/api/v1/grids/*",
                "/api/v1/layers/*").hasAnyRole(Role.names(ALL_STAFF));

        // Review indicators.
        rules.requestMatchers(GET, "/api/v1/indicators", "/api/v1/indicators.csv", "/api/v1/indicators/hotspots")
                .hasAnyRole(Role.names(REVIEWERS));

        // Grid planning and teams.
        rules.requestMatchers(GET, "/api/v1/planning/grids/*/team", "/api/v1/planning/workers")
                .hasAnyRole(Role.names(TEAM_READERS));
        rules.requestMatchers(GET, "/api/v1/planning/**").hasAnyRole(Role.names(PLANNING_READERS));
        rules.requestMatchers(POST, "/api/v1/planning/**").hasAnyRole(Role.names(PLANNERS));
        rules.requestMatchers(PUT, "/api/v1/planning/**").hasAnyRole(Role.names(PLANNERS));
        rules.requestMatchers(PATCH, "/api/v1/planning/**").hasAnyRole(Role.names(PLANNERS));
        rules.requestMatchers(DELETE, "/api/v1/planning/**").hasAnyRole(Role.names(PLANNERS));

        // Accounts and the audit log.
        rules.requestMatchers("/api/v1/admin/**").hasRole(ADMINISTRATOR.name());

        rules.anyRequest().authenticated();
    }
}
