package cloud.dangjian.benchmarks;

/** What one client thread of a load phase does, one request per call; each client has its own instance and state. */
interface Workload {

    /**
     * Makes one request and checks the answer.
     *
     * @throws RequestFailed
     *             if the platform answered wrongly
     * @throws Exception
     *             if the request could not be made at all (refused connection, time-out); also an error
     */
    void call() throws Exception;
}
