package cn.hemeigrid.grid;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.hemeigrid.CodeName;
import cn.hemeigrid.access.CurrentJurisdiction;
import cn.hemeigrid.division.AdministrativeUnits;
import cn.hemeigrid.division.DivisionChain;
import cn.hemeigrid.incident.IncidentQueries;
import cn.hemeigrid.system.Labels;
import cn.hemeigrid.system.RejectedRequestException;
import cn.hemeigrid.team.GridTeams;
import cn.hemeigrid.team.TeamMember;

@RestController
class GridController {

    private static final int MAX_OPEN_INCIDENTS = 50;

    private final JdbcClient jdbc;
    private final AdministrativeUnits divisions;
    private final GridTeams teams;
    private final IncidentQueries incidents;
    private final Labels labels;
    private final CurrentJurisdiction currentJurisdiction;

    GridController(JdbcClient jdbc, AdministrativeUnits divisions, GridTeams teams, IncidentQueries incidents,
                   Labels labels, CurrentJurisdiction currentJurisdiction) {
        this.currentJurisdiction = currentJurisdiction;
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.teams = teams;
        this.incidents = incidents;
        this.labels = labels;
    }

    record GridDetails(String code, String name, String kind, String dedicatedType, String dedicatedTypeName,
                       String status, String source, CodeName village, CodeName township, CodeName county,
                       List<TeamMember> team, List<IncidentQueries.ListItem> openIncidents) {
    }

    private record GridRow(long id, String code, String name, String kind, String dedicatedType, String status,
                           String source, String villageCode) {
    }

    /**
     * Shows a grid for the map popup: code, name, division and team, which the public map and
     * routing show as well, and its newest open incidents inside the caller's jurisdiction.
     */
    @GetMapping("/api/v1/grids/{code}")
    GridDetails grid(@PathVariable String code) {
        GridRow grid = Optional.of(code.trim())
                .filter(c -> c.matches("[0-9]{15}"))
                .flatMap(c -> jdbc.sql("""
                                SELECT id, code, name, kind, dedicated_type, status, source, village_code
                                  FROM grid WHERE code = ?
                                """)
                        .param(c)
                        .query(GridRow.class)
                        .optional())
                .orElseThrow(() -> RejectedRequestException.notFound("grid.not-found", code));
        DivisionChain chain = divisions.chainOf(grid.villageCode())
                .orElseThrow(() -> new IllegalStateException("Grid " + grid.code() + " has no division chain"));

        return new GridDetails(grid.code(), grid.name(), grid.kind(), grid.dedicatedType(),
                labels.of("dedicated", grid.dedicatedType()), grid.status(), grid.source(),
                chain.village(), chain.township(), chain.county(), teams.teamOf(grid.id()),
                incidents.list(currentJurisdiction.get(), Optional.empty(), true, Optional.of(grid.id()),
                        MAX_OPEN_INCIDENTS));
    }
}
