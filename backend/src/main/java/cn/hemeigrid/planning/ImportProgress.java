package cn.hemeigrid.planning;

/** Receives the progress of a running grid import, from the thread that runs it. */
interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
    };

    /** Called once the file is read, with the number of features in it. */
    default void read(int features) {
    }

    /** Called after each feature is checked, with the number checked so far. */
    default void checked(int features) {
    }

    /** Called when a commit has passed its checks and starts storing the grids. */
    default void storing() {
    }
}
