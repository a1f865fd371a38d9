/**
 * Simulated meters served over Modbus TCP on loopback: Eastron SDM630 and SDM120 with their
 * real register maps and plausible values that change over time.
 */
@Export
@Version("0.1.0")
package cat.smartregion.gateway.simulator.devices;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
