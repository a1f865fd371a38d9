package cat.smartregion.gateway.driver.modbus.internal;

/**
 * What one read call cost.
 *
 * @param points    points asked for
 * @param requests  requests sent, fallbacks included
 * @param fallbacks requests sent point by point after a block answered illegal data address
 * @param nanos     time spent in the call
 */
record ReadFigures(int points, int requests, int fallbacks, long nanos) {

    static final ReadFigures NONE = new ReadFigures(0, 0, 0, 0);
}
