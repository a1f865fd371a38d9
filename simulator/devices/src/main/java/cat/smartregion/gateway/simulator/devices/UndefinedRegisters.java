package cat.smartregion.gateway.simulator.devices;

/** How a simulated meter answers a range of input registers that crosses registers its model does not define. */
public enum UndefinedRegisters {
    /** Exception 02 (illegal data address), as some firmware does: the strictest peer for request planning. */
    REFUSED,
    /**
     * Zeros in the holes of its map, undefined addresses beyond the map still refused: as Eastron
     * meters answer ranges across their holes (OpenEMS's SDM630 driver reads 0x0000-0x004B in one request).
     */
    ZERO_IN_HOLES
}
