package cn.hemeigrid.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Computes review indicators in the database, grouped by unit.
 *
 * <p>Rejected incidents and duplicates are left out of every indicator, because they were never
 * filed as cases of their own. Incidents are counted at their basic grid (not a dedicated grid)
 * and at the village/community, township and county around it, and at the worker who accepted
 * them (see {@link IndicatorLevel#WORKER}). Only units with at least one incident or rating in
 * the period are listed, ordered by code. Incidents and units are limited to an
 * {@link IndicatorScope} in the query.
 */
@Repository
class Indicators {

    private final JdbcClient jdbc;

    Indicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UnitIndicators> of(IndicatorLevel level, IndicatorScope scope, IndicatorPeriod period) {
        return jdbc.sql(query(level, scope))
                .params(scope.parameters())
                .param("start", Timestamp.from(period.start()))
                .param("end", Timestamp.from(period.end()))
                .query(Indicators::unitIndicators)
                .list();
    }

    /**
     * Builds the query from the level's and the scope's fixed fragments; no request value is put
     * into the text.
     * A timestamp is in the period when {@code :start <= t < :end}. Each of the four period
     * conditions has its own index (migration V70), so the planner can combine them with a bitmap OR.
     */
    private static String query(IndicatorLevel level, IndicatorScope scope) {
        return """
                WITH facts AS (
                    SELECT %1$s AS unit_code, i.reported_at, i.accepted_at, i.closed_at, i.handling_deadline,
                           i.reopen_count,
                           i.status IN ('closed', 'rated') AND i.closed_at >= :start AND i.closed_at < :end
                               AS closed_in_period
                      FROM incident i
                      JOIN grid g ON g.id = i.grid_id
                     WHERE i.status NOT IN ('rejected', 'duplicate')
                       AND %3$s
                       AND %4$s
                       AND ((i.reported_at >= :start AND i.reported_at < :end)
                         OR (i.handling_deadline >= :start AND i.handling_deadline < :end)
                         OR (i.accepted_at >= :start AND i.accepted_at < :end)
                         OR (i.closed_at >= :start AND i.closed_at < :end))
                ),
                counts AS (
                    SELECT unit_code,
                           count(*) FILTER (WHERE reported_at >= :start AND reported_at < :end) AS filed,
                           count(*) FILTER (WHERE handling_deadline >= :start AND handling_deadline < :end) AS due,
                           count(*) FILTER (WHERE closed_in_period) AS closed,
                           count(*) FILTER (WHERE closed_in_period AND closed_at <= handling_deadline)
                               AS closed_on_time,
                           count(*) FILTER (WHERE closed_in_period AND reopen_count > 0) AS reopened,
                           avg(extract(epoch FROM accepted_at - reported_at) / 60)
                               FILTER (WHERE accepted_at >= :start AND accepted_at < :end) AS minutes_to_accept,
                           avg(extract(epoch FROM closed_at - reported_at) / 60)
                               FILTER (WHERE closed_in_period) AS minutes_to_close
                      FROM facts
                     GROUP BY unit_code
                ),
                ratings AS (
                    SELECT %1$s AS unit_code, avg(r.score) AS satisfaction
                      FROM incident_rating r
                      JOIN incident i ON i.id = r.incident_id
                      JOIN grid g ON g.id = i.grid_id
                     WHERE r.rated_at >= :start AND r.rated_at < :end
                       AND i.status NOT IN ('rejected', 'duplicate')
                       AND %3$s
                       AND %4$s
                     GROUP BY 1
                ),
                units AS (%2$s),
                listed AS (
                SELECT coalesce(c.unit_code, s.unit_code) AS code, u.name,
                       coalesce(c.filed, 0) AS filed, coalesce(c.due, 0) AS due,
                       coalesce(c.closed, 0) AS closed, coalesce(c.closed_on_time, 0) AS closed_on_time,
                       coalesce(c.reopened, 0) AS reopened,
                       c.closed::float8 / nullif(c.due, 0) AS closure_rate,
                       c.closed_on_time::float8 / nullif(c.due, 0) AS on_time_rate,
                       c.reopened::float8 / nullif(c.closed, 0) AS rework_rate,
                       c.minutes_to_accept::float8 AS minutes_to_accept,
                       c.minutes_to_close::float8 AS minutes_to_close,
                       s.satisfaction::float8 AS satisfaction
                  FROM counts c
                  FULL JOIN ratings s ON s.unit_code = c.unit_code
                  LEFT JOIN units u ON u.code = coalesce(c.unit_code, s.unit_code)
                )
                SELECT * FROM listed WHERE %5$s ORDER BY code
                """.formatted(level.unitCodeSql, level.unitNamesSql, level.incidentConditionSql,
                scope.incidentCondition(), scope.unitCondition());
    }

    private static UnitIndicators unitIndicators(ResultSet row, int rowNumber) throws SQLException {
        return new UnitIndicators(
                row.getString("code"),
                row.getString("name"),
                row.getLong("filed"),
                row.getLong("due"),
                row.getLong("closed"),
                row.getLong("closed_on_time"),
                row.getLong("reopened"),
                (Double) row.getObject("closure_rate"),
                (Double) row.getObject("on_time_rate"),
                (Double) row.getObject("rework_rate"),
                (Double) row.getObject("minutes_to_accept"),
                (Double) row.getObject("minutes_to_close"),
                (Double) row.getObject("satisfaction"));
    }
}
