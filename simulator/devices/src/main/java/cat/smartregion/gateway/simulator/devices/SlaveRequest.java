package cat.smartregion.gateway.simulator.devices;

/**
 * One request as a slave received it.
 *
 * @param unit        unit id addressed
 * @param transaction MBAP transaction id (0 on RTU and ASCII)
 * @param pdu         function code and data
 */
record SlaveRequest(int unit, int transaction, byte[] pdu) {
}
