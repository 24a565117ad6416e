package cn.hemeigrid.planning;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;

/**
 * Base of the planning API tests over HTTP: a client signed in as the test administrator and a
 * test village of the class's own. Each request commits, so the village is inserted before and
 * deleted after every test.
 */
abstract class VillageApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TestVillage village;

    /** Returns the test village, at a code prefix and place that no other test class uses. */
    abstract TestVillage newVillage(JdbcClient jdbc);

    @BeforeEach
    void insertVillage() {
        api = new ApiClient(port);
        village = newVillage(jdbc);
        village.delete();
        village.insert();
    }

    @AfterEach
    void deleteVillage() {
        village.delete();
    }
}
