package cn.hemeigrid.division;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hemeigrid.CodeName;

@Repository
public class AdministrativeUnits {

    private final JdbcClient jdbc;

    AdministrativeUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Finds the county and township above a village/community, by the parent links. */
    public Optional<DivisionChain> chainOf(String villageCode) {
        return jdbc.sql("""
                        SELECT c.code AS county_code, c.name AS county_name,
                               t.code AS township_code, t.name AS township_name,
                               v.code AS village_code, v.name AS village_name
                          FROM administrative_unit v
                          JOIN administrative_unit t ON t.code = v.parent_code
                          JOIN administrative_unit c ON c.code = t.parent_code
                         WHERE v.code = ? AND v.level = 'village'
                        """)
                .param(villageCode)
                .query((row, n) -> new DivisionChain(
                        new CodeName(row.getString("county_code"), row.getString("county_name")),
                        new CodeName(row.getString("township_code"), row.getString("township_name")),
                        new CodeName(row.getString("village_code"), row.getString("village_name"))))
                .optional();
    }
}
