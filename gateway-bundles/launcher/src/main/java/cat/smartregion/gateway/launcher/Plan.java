package cat.smartregion.gateway.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The configurations a checked gateway configuration gives Config Admin: singleton PIDs in the
 * order they are applied, and one factory configuration a device. Applying a plan over the one
 * in force changes only what differs: a device added, updated or removed, the uplink updated.
 */
record Plan(Map<String, Map<String, Object>> singletons, Map<String, Map<String, Object>> devices) {

    static final Plan EMPTY = new Plan(Map.of(), Map.of());

    /** What changed from one plan to the next, for the log. */
    record Change(List<String> added, List<String> updated, List<String> removed, List<String> pids) {
        boolean none() {
            return added.isEmpty() && updated.isEmpty() && removed.isEmpty() && pids.isEmpty();
        }

        @Override
        public String toString() {
            return "devices added " + added + ", updated " + updated + ", removed " + removed + "; configurations updated "
                    + pids.stream().map(p -> p.substring(p.lastIndexOf('.') + 1)).toList();
        }
    }

    Plan {
        singletons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(singletons));
        devices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(devices));
    }

    /** Never the configurations themselves: they hold the uplink's secret. */
    @Override
    public String toString() {
        return "Plan[" + singletons.size() + " configurations, devices " + devices.keySet() + "]";
    }

    /** The plan of a checked configuration; relative paths are read from {@code folder}. */
    static Plan of(GatewayFile file, Path folder, Path bufferPath, String secret) {
        Map<String, Map<String, Object>> singletons = new LinkedHashMap<>();
        singletons.put(GatewayRuntime.PID_IDENTITY, Map.of("tenant", file.tenant(), "gateway", file.gateway()));
        singletons.put(GatewayRuntime.PID_PROFILES, Map.of("directory",
                (file.profiles() != null ? folder.resolve(file.profiles()) : Main.home().resolve("profiles")).toString()));
        Map<String, Object> buffer = new HashMap<>(Map.of("path", bufferPath.toString()));
        if (file.buffer().synchronous() != null) {
            buffer.put("synchronous", file.buffer().synchronous());
        }
        singletons.put(GatewayRuntime.PID_BUFFER, buffer);
        if (!file.sync().isEmpty()) {
            singletons.put(GatewayRuntime.PID_SYNC, file.sync());
        }
        if (file.sentilo() != null) {
            singletons.put(GatewayRuntime.PID_SENTILO, Map.of("url", file.sentilo().url(),
                    "provider", file.sentilo().provider(), ".token", secret,
                    "alarm.alerts", file.sentilo().alarmAlerts().toArray(String[]::new)));
        } else {
            singletons.put(GatewayRuntime.PID_MQTT, mqtt(file, folder, secret));
        }
        if (file.coapServer() != null) {
            singletons.put(GatewayRuntime.PID_COAP_SERVER, file.coapServer().configuration());
        }
        Map<String, Map<String, Object>> devices = new LinkedHashMap<>();
        for (GatewayFile.Device d : file.devices()) {
            devices.put(d.id(), d.configuration());
        }
        return new Plan(singletons, devices);
    }

    /** The MQTT uplink's configuration: paths read from the file's folder, the password private. */
    private static Map<String, Object> mqtt(GatewayFile file, Path folder, String password) {
        GatewayFile.Mqtt mqtt = file.mqtt();
        Map<String, Object> props = new HashMap<>(mqtt.options());
        props.put("broker", mqtt.broker());
        props.put("tenant", file.tenant());
        props.put("gateway", file.gateway());
        putPath(props, "ca.file", folder, mqtt.caFile());
        putPath(props, "client.certificate", folder, mqtt.clientCertificate());
        putPath(props, "client.key", folder, mqtt.clientKey());
        if (mqtt.username() != null) {
            props.put("username", mqtt.username());
            props.put(".password", password);
        }
        return props;
    }

    private static void putPath(Map<String, Object> props, String key, Path folder, String path) {
        if (path != null) {
            props.put(key, folder.resolve(path).toString());
        }
    }

    /** Applies what differs from {@code inForce}: new and changed configurations, then deletions. */
    Change applyOver(Plan inForce, GatewayRuntime runtime) throws IOException {
        Change change = diff(inForce);
        for (String pid : change.pids()) {
            if (singletons.containsKey(pid)) {
                runtime.configure(pid, singletons.get(pid));
            }
        }
        for (String id : change.added()) {
            runtime.configureFactory(GatewayRuntime.FACTORY_PID_DEVICE, id, devices.get(id));
        }
        for (String id : change.updated()) {
            runtime.configureFactory(GatewayRuntime.FACTORY_PID_DEVICE, id, devices.get(id));
        }
        for (String id : change.removed()) {
            runtime.deleteFactoryConfiguration(GatewayRuntime.FACTORY_PID_DEVICE, id);
        }
        for (String pid : change.pids()) {
            if (!singletons.containsKey(pid)) {
                runtime.deleteConfiguration(pid);
            }
        }
        return change;
    }

    Change diff(Plan inForce) {
        List<String> pids = new java.util.ArrayList<>();
        singletons.forEach((pid, props) -> {
            if (!same(props, inForce.singletons().get(pid))) {
                pids.add(pid);
            }
        });
        inForce.singletons().keySet().stream().filter(pid -> !singletons.containsKey(pid)).forEach(pids::add);
        List<String> added = devices.keySet().stream().filter(id -> !inForce.devices().containsKey(id)).toList();
        List<String> updated = devices.keySet().stream()
                .filter(id -> inForce.devices().containsKey(id) && !same(devices.get(id), inForce.devices().get(id))).toList();
        List<String> removed = inForce.devices().keySet().stream().filter(id -> !devices.containsKey(id)).toList();
        return new Change(added, updated, removed, pids);
    }

    private static boolean same(Map<String, Object> a, Map<String, Object> b) {
        return b != null && Objects.equals(comparable(a), comparable(b));
    }

    private static Map<String, Object> comparable(Map<String, Object> props) {
        Map<String, Object> result = new HashMap<>();
        props.forEach((k, v) -> result.put(k, v instanceof Object[] array ? Arrays.asList(array) : v));
        return result;
    }
}
