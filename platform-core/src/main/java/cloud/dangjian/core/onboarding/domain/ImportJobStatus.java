package cloud.dangjian.core.onboarding.domain;

/** Where a background import is: waiting, checking rows, writing them, or ended one of three ways. */
public enum ImportJobStatus {
    /** Waiting for a free import worker on the node that took the upload. */
    QUEUED,
    /** Checking every row against the file and the database; nothing is written yet. */
    CHECKING,
    /** Every row passed; writing them in the import's one transaction. */
    WRITING,
    /** Imported (or, for a check only, found good). */
    DONE,
    /** The file has bad rows; nothing was imported. */
    REFUSED,
    /** The import broke off (an error, or the node stopped); its transaction rolled back, nothing was imported. */
    FAILED;

    public boolean ended() {
        return this == DONE || this == REFUSED || this == FAILED;
    }
}
