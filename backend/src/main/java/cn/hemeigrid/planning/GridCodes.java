package cn.hemeigrid.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Proposes and checks grid codes. Every grid ever created stays in table grid (retired grids
 * keep their row), so a code found there is taken for good.
 */
@Repository
public class GridCodes {

    private final JdbcClient jdbc;

    GridCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Proposes the next {@code count} free codes of a village/community: the serials after the
     * highest one ever used there. When serial 999 is used, the lowest serials never used are
     * proposed instead. Returns fewer than {@code count} codes when the village has no more.
     *
     * <p>Call {@link #lockVillage} first in the same transaction, or two planners may be
     * proposed the same code; the unique constraint on grid.code still rejects the second.
     */
    public List<GridCode> proposeNext(String villageCode, int count) {
        List<Integer> used = jdbc.sql("""
                        SELECT DISTINCT substr(code, 13, 3)::int FROM grid WHERE village_code = ? ORDER BY 1
                        """)
                .param(villageCode)
                .query(Integer.class)
                .list();
        int highest = used.isEmpty() ? 0 : used.get(used.size() - 1);

        List<GridCode> proposed = new ArrayList<>();
        for (int serial = highest + 1; serial <= GridCode.MAX_SERIAL && proposed.size() < count; serial++) {
            proposed.add(GridCode.of(villageCode, serial));
        }
        for (int serial = 1; serial < highest && proposed.size() < count; serial++) {
            if (!used.contains(serial)) {
                proposed.add(GridCode.of(villageCode, serial));
            }
        }
        return proposed;
    }

    /** Returns the status ('active' or 'retired') of the grid that has the code, if any. */
    public Optional<String> statusOf(GridCode code) {
        return jdbc.sql("SELECT status FROM grid WHERE code = ?").param(code.value()).query(String.class).optional();
    }

    /** Serialises code proposals for one village/community until the transaction ends. */
    void lockVillage(String villageCode) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('grid-code:' || ?))::text")
                .param(villageCode)
                .query(String.class)
                .single();
    }
}
