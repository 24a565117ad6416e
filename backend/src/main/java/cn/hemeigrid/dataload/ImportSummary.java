package cn.hemeigrid.dataload;

import java.time.Duration;

/** Counts and duration of one import, for the log and for callers. */
public record ImportSummary(int administrativeUnits, long townships, long villages, long basicGrids,
                            long dedicatedGrids, int workers, int assignments, int facilities,
                            int setAsideCentres, Duration duration) {

    static ImportSummary of(HuizhouDataset dataset, Duration duration) {
        return new ImportSummary(
                dataset.units().size(),
                dataset.units().stream().filter(unit -> unit.level().equals("township")).count(),
                dataset.units().stream().filter(unit -> unit.level().equals("village")).count(),
                dataset.gridCount("basic"),
                dataset.gridCount("dedicated"),
                dataset.workers().size(),
                dataset.assignments().size(),
                dataset.facilities().size(),
                dataset.setAsideCentres().size(),
                duration);
    }
}
