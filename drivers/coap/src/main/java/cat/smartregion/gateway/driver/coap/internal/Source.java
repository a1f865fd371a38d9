package cat.smartregion.gateway.driver.coap.internal;

/** Where a connection's answers come from: a GET per read, or the newest notification of an observation. */
interface Source extends AutoCloseable {

    /** The answer to give the points now; never throws for what the peer does. */
    Answer answer();

    @Override
    void close();
}
