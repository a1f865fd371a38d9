package cat.smartregion.gateway.driver.modbus.internal;

/** A well-formed late answer to an earlier request, dropped by the framer that read it. */
enum LateFrame implements Frame {
    INSTANCE
}
