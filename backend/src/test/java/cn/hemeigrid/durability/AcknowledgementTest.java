package cn.hemeigrid.durability;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;

/**
 * The 201 of a report states what was stored: looking the incident up returns the same
 * routing, down to the microseconds of its deadlines, which PostgreSQL would round if the
 * server computed them from a clock with nanoseconds.
 */
@PostgisTest
class AcknowledgementTest {

    @LocalServerPort
    int port;

    @Test
    void acknowledgedRoutingIsStoredRouting() {
        ApiClient api = ApiClient.anonymous(port);
        Reports reports = new Reports();

        Reports.Acknowledged acknowledged = reports.send(api).orElseThrow();

        Reports.assertStored(api, List.of(acknowledged));
    }
}
