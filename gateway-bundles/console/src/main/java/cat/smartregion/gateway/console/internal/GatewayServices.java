package cat.smartregion.gateway.console.internal;

import cat.smartregion.gateway.api.alarm.Alarms;
import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.device.DeviceReader;
import cat.smartregion.gateway.api.device.DeviceStatus;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import cat.smartregion.gateway.api.uplink.DeliveryStatus;
import cat.smartregion.gateway.api.uplink.Uplink;
import java.util.List;
import java.util.Optional;

/** The gateway's services the console shows, as they are now: some may come and go. */
interface GatewayServices {

    Optional<Buffer> buffer();

    Optional<Alarms> alarms();

    Optional<Uplink> uplink();

    /** How delivery to the platform goes, while the sync agent runs. */
    Optional<DeliveryStatus> delivery();

    /** The devices polled now, sorted by id. */
    List<DeviceStatus> devices();

    ProfileLibrary profiles();

    DeviceReader reader();
}
