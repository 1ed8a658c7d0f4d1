package cloud.dangjian.core.onboarding.service;

/**
 * Told by an importer how far it has come: rows checked, then rows written. Called on the importer's thread inside its
 * transaction, every {@link #EVERY} rows and at the end of each phase; a listener that records progress must do so in a
 * transaction of its own, or nobody would see it before the import commits.
 */
@FunctionalInterface
public interface ImportProgress {

    /** How many rows pass between two reports. */
    int EVERY = 500;

    /** For imports nobody watches (the API, tenant-config). */
    ImportProgress NONE = (phase, rows) -> {
    };

    /** The two phases of an import: every row is checked before any is written. */
    enum Phase {
        CHECKING, WRITING
    }

    void reached(Phase phase, int rows);

    /** Reports {@code rows} when it is a multiple of {@link #EVERY}. */
    default void tick(Phase phase, int rows) {
        if (rows % EVERY == 0) {
            reached(phase, rows);
        }
    }
}
