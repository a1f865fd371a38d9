package cat.smartregion.gateway.driver.serial.internal;

import cat.smartregion.gateway.api.driver.Connection;

/** A connection to a serial device, with what it has seen. */
interface SerialConnection extends Connection {

    SerialFigures figures();
}
