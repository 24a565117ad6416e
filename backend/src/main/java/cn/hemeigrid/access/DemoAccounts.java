package cn.hemeigrid.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the demonstration accounts of the README when the server runs with the {@code demo}
 * profile, after the data import (a later lifecycle phase), picking their units, grids and
 * grid worker from the loaded data. An account whose login name exists already is left as it
 * is, so a restart never resets a changed password.
 *
 * <p>NOTE: the demo passwords are published in the README. Never run a server that real data
 * or the internet reaches with the demo profile.
 */
@Component
@Profile("demo")
class DemoAccounts implements SmartLifecycle {

    static final String PASSWORD = "hemei-demo";
    /** 惠城区, the county the demo dispatcher, township and grid worker accounts lie in. */
    static final String COUNTY = "441302000000";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;
    private volatile boolean running;

    DemoAccounts(Accounts accounts, PasswordEncoder passwords, JdbcClient jdbc) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.jdbc = jdbc;
    }

    @Override
    public void start() {
        createAll();
        running = true;
    }

    void createAll() {
        String hash = passwords.encode(PASSWORD);
        create("admin", "演示管理员", hash, EnumSet.of(Role.ADMINISTRATOR), new Jurisdiction.WholeCity(), null);
        create("planner", "演示规划员", hash, EnumSet.of(Role.PLANNER), new Jurisdiction.WholeCity(), null);
        if (!unitExists(COUNTY)) {
            log.warn("Demo accounts: county {} is missing, so only admin and planner were created", COUNTY);
            return;
        }
        create("county", "惠城区调度员", hash, EnumSet.of(Role.DISPATCHER_COUNTY), new Jurisdiction.Unit(COUNTY), null);
        firstChild(COUNTY).ifPresent(township -> create("township", "镇街调度员", hash,
                EnumSet.of(Role.DISPATCHER_TOWNSHIP), new Jurisdiction.Unit(township), null));
        create("department", "城管执法人员", hash, EnumSet.of(Role.DEPARTMENT_HANDLER),
                new Jurisdiction.Department("city_management"), null);
        firstFullTimeWorker(COUNTY).ifPresent(workerId -> create("worker", workerName(workerId), hash,
                EnumSet.of(Role.GRID_WORKER_FULL_TIME), new Jurisdiction.Grids(gridsOf(workerId)), workerId));
    }

    private void create(String login, String displayName, String hash, Set<Role> roles, Jurisdiction jurisdiction,
                        Long workerId) {
        if (accounts.exists(login)) {
            return;
        }
        accounts.create(login, displayName, hash, roles, jurisdiction, workerId);
        log.warn("Created demo account '{}' with the published demo password; do not use the demo profile in production",
                login);
    }

    private boolean unitExists(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM administrative_unit WHERE code = ?)").param(code)
                .query(Boolean.class).single();
    }

    private Optional<String> firstChild(String parent) {
        return jdbc.sql("SELECT code FROM administrative_unit WHERE parent_code = ? ORDER BY code LIMIT 1")
                .param(parent).query(String.class).optional().map(String::strip);
    }

    /** Finds the full-time grid worker of the lowest grid code in the county. */
    private Optional<Long> firstFullTimeWorker(String county) {
        return jdbc.sql("""
                        SELECT a.worker_id FROM grid_assignment a JOIN grid g ON g.id = a.grid_id
                        WHERE a.role = 'full_time' AND g.status = 'active' AND g.code LIKE ?
                        ORDER BY g.code LIMIT 1""")
                .param(county.substring(0, 6) + "%").query(Long.class).optional();
    }

    private String workerName(long workerId) {
        return jdbc.sql("SELECT name FROM grid_worker WHERE id = ?").param(workerId).query(String.class).single();
    }

    private Set<String> gridsOf(long workerId) {
        List<String> codes = jdbc.sql("""
                        SELECT g.code FROM grid_assignment a JOIN grid g ON g.id = a.grid_id
                        WHERE a.worker_id = ? AND g.status = 'active' ORDER BY g.code""")
                .param(workerId).query(String.class).list();
        return new TreeSet<>(codes);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Runs right after the data import, which takes the first phase. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1;
    }
}
