/**
 * A simulated device for any Modbus profile: {@link cat.smartregion.gateway.simulator.devices.profile.ProfileDevice}
 * reads a profile's register map, picks a plausible value inside each point's range and encodes it
 * per type, byte and word order, scale, offset, SunSpec scale factor and unit with code of its own
 * (never the gateway's decoder), so a test can compare what the gateway normalizes with what was served.
 */
@Export
@Version("0.1.0")
package cat.smartregion.gateway.simulator.devices.profile;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
