package cat.smartregion.gateway.mqtt.internal;

import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.DeviceStatus;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The JSON payloads of the retained {@code status} and {@code inventory} topics:
 * birth {@code {"state":"online","tenant","gateway","version","time","profiles":[ids],"backlog"}},
 * will and clean stop {@code {"state":"offline","tenant","gateway"}}, inventory
 * {@code {"tenant","gateway","devices":[{"id","profile","endpoint","intervalMs","params"}]}} sorted by id.
 */
final class StatusMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Topics topics;
    private final Peers peers;
    private final String version;

    StatusMessages(Topics topics, Peers peers, String version) {
        this.topics = topics;
        this.peers = peers;
        this.version = version;
    }

    byte[] online(Instant now) {
        ObjectNode status = identity("online").put("version", version).put("time", now.toString());
        peers.profiles().ifPresent(library -> {
            ArrayNode ids = status.putArray("profiles");
            library.all().stream().map(DeviceProfile::id).forEach(ids::add);
        });
        peers.buffer().ifPresent(buffer -> status.put("backlog", buffer.figures().backlog()));
        return bytes(status);
    }

    byte[] offline() {
        return bytes(identity("offline"));
    }

    byte[] inventory() {
        ObjectNode inventory = JSON.createObjectNode().put("tenant", topics.tenant()).put("gateway", topics.gateway());
        ArrayNode devices = inventory.putArray("devices");
        List<DeviceConfig> configs = peers.devices().stream().map(DeviceStatus::config)
                .sorted(Comparator.comparing(DeviceConfig::id)).toList();
        for (DeviceConfig device : configs) {
            ObjectNode node = devices.addObject().put("id", device.id()).put("profile", device.profile())
                    .put("endpoint", withoutUserInfo(device.endpoint())).put("intervalMs", device.interval().toMillis());
            node.set("params", JSON.valueToTree(new TreeMap<>(device.params())));
        }
        return bytes(inventory);
    }

    private ObjectNode identity(String state) {
        return JSON.createObjectNode().put("state", state).put("tenant", topics.tenant()).put("gateway", topics.gateway());
    }

    private static String withoutUserInfo(URI endpoint) {
        if (endpoint.getUserInfo() == null) {
            return endpoint.toString();
        }
        try {
            return new URI(endpoint.getScheme(), null, endpoint.getHost(), endpoint.getPort(), endpoint.getPath(),
                    endpoint.getQuery(), endpoint.getFragment()).toString();
        } catch (URISyntaxException e) {
            return endpoint.getScheme() + "://" + endpoint.getHost();
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON of a tree", e);
        }
    }
}
