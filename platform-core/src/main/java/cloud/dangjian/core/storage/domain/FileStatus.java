package cloud.dangjian.core.storage.domain;

/** Where an upload stands. */
public enum FileStatus {
    /** An upload URL was handed out; the object may or may not be there yet, and nobody may download it. */
    PENDING,
    /** The object is there and was checked against its purpose's policy. */
    STORED
}
