package cat.smartregion.gateway.simulator.devices;

/** How a simulated slave frames Modbus on its medium. */
public enum Wire {
    /** Modbus TCP: MBAP header with transaction id (TCP only). */
    TCP,
    /** RTU: unit, PDU, CRC-16 (serial line, or TCP as a serial-to-Ethernet server passes it). */
    RTU,
    /** ASCII: {@code :}, hex, LRC, CR LF (serial line, or TCP). */
    ASCII
}
