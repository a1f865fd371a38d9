/**
 * Simulated meters served on loopback: Eastron SDM630 and SDM120 with their real register maps and
 * plausible values that change over time, over Modbus TCP ({@link cat.smartregion.gateway.simulator.devices.MeterServer})
 * or any framing and medium with scripted faults ({@link cat.smartregion.gateway.simulator.devices.ModbusSlave}),
 * devices of known contents ({@link cat.smartregion.gateway.simulator.devices.RegisterBank}) and a
 * socat pseudo-terminal pair for serial lines ({@link cat.smartregion.gateway.simulator.devices.SocatPair}).
 */
@Export
@Version("0.1.0")
package cat.smartregion.gateway.simulator.devices;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
