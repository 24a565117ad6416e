package cn.hemeigrid.routing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hemeigrid.geo.LonLat;

/** The area the server is responsible for: the outline of the city (level 'city'). */
@Repository
class CityOutline {

    private final JdbcClient jdbc;

    CityOutline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean contains(LonLat point) {
        if (!point.isOnEarth()) {
            return false;
        }
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM administrative_unit
                                        WHERE level = 'city'
                                          AND ST_Intersects(geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4490)))
                        """)
                .param("lon", point.lon())
                .param("lat", point.lat())
                .query(Boolean.class)
                .single();
    }
}
