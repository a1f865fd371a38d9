package cat.smartregion.gateway.mqtt.internal;

import cat.smartregion.gateway.api.alarm.Alarms;
import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.device.DeviceStatus;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import java.util.List;
import java.util.Optional;

/** The gateway services the uplink reports about or to, each optional and changing at any time. */
public interface Peers {

    Optional<Alarms> alarms();

    Optional<ProfileLibrary> profiles();

    Optional<Buffer> buffer();

    List<DeviceStatus> devices();

    /** Fixed peers, for use outside OSGi. */
    record Fixed(Optional<Alarms> alarms, Optional<ProfileLibrary> profiles, Optional<Buffer> buffer,
                 List<DeviceStatus> devices) implements Peers {

        public Fixed {
            devices = List.copyOf(devices);
        }

        public static Fixed none() {
            return new Fixed(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        }
    }
}
