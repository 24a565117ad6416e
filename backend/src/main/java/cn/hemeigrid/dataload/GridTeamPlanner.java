package cn.hemeigrid.dataload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import cn.hemeigrid.dataload.HuizhouDataset.Assignment;
import cn.hemeigrid.dataload.HuizhouDataset.Grid;
import cn.hemeigrid.dataload.HuizhouDataset.Worker;

/**
 * Makes up the "1+1+N" team of every grid, with generated names and no phone numbers:
 * <ul>
 *   <li>per village, one grid leader shared by all its basic grids;</li>
 *   <li>per basic grid, one full-time grid worker and one or two part-time grid workers;</li>
 *   <li>per dedicated grid, a leader and a full-time grid worker of its own;</li>
 *   <li>per township and department, one professional grid worker attached to every grid of
 *       that township, basic and dedicated.</li>
 * </ul>
 */
final class GridTeamPlanner {

    private static final long RANDOM_SEED = 0x7465616dL;

    /** The workers and their assignments, workers numbered from 1 in creation order. */
    record Teams(List<Worker> workers, List<Assignment> assignments) {
    }

    private final Random random = new Random(RANDOM_SEED);
    private final PersonNames names = new PersonNames(random);
    private final List<Worker> workers = new ArrayList<>();
    private final List<Assignment> assignments = new ArrayList<>();

    /**
     * @param grids basic and dedicated grids, in code order
     * @param departmentCodes the departments that handle some matter category, sorted
     */
    Teams plan(List<Grid> grids, List<String> departmentCodes) {
        Map<String, List<Grid>> byVillage = new TreeMap<>();
        Map<String, List<Grid>> byTownship = new TreeMap<>();
        for (Grid grid : grids) {
            byVillage.computeIfAbsent(grid.villageCode(), code -> new ArrayList<>()).add(grid);
            byTownship.computeIfAbsent(grid.villageCode().substring(0, 9), code -> new ArrayList<>()).add(grid);
        }

        for (List<Grid> villageGrids : byVillage.values()) {
            Worker leader = newWorker(null);
            for (Grid grid : villageGrids) {
                if (grid.kind().equals("basic")) {
                    assign(grid, leader, "leader");
                    assign(grid, newWorker(null), "full_time");
                    int partTime = 1 + random.nextInt(2);
                    for (int i = 0; i < partTime; i++) {
                        assign(grid, newWorker(null), "part_time");
                    }
                } else {
                    assign(grid, newWorker(null), "leader");
                    assign(grid, newWorker(null), "full_time");
                }
            }
        }

        for (List<Grid> townshipGrids : byTownship.values()) {
            for (String department : departmentCodes) {
                Worker professional = newWorker(department);
                townshipGrids.forEach(grid -> assign(grid, professional, "professional"));
            }
        }
        return new Teams(List.copyOf(workers), List.copyOf(assignments));
    }

    private Worker newWorker(String departmentCode) {
        Worker worker = new Worker(workers.size() + 1, names.next(), departmentCode);
        workers.add(worker);
        return worker;
    }

    private void assign(Grid grid, Worker worker, String role) {
        assignments.add(new Assignment(grid.code(), worker.number(), role));
    }
}
