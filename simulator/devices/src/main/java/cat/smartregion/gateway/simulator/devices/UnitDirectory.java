package cat.smartregion.gateway.simulator.devices;

import com.ghgande.j2mod.modbus.net.AbstractModbusListener;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process images of one server by unit id. It extends j2mod's listener only because j2mod's
 * requests ask a listener for the process image when they build their response; unlike j2mod's
 * own listeners it keeps no static state and owns no socket or thread.
 */
final class UnitDirectory extends AbstractModbusListener {

    private final Map<Integer, ProcessImage> images = new ConcurrentHashMap<>();

    void put(int unitId, ProcessImage image) {
        if (images.putIfAbsent(unitId, image) != null) {
            throw new IllegalArgumentException("unit " + unitId + " is already served");
        }
    }

    boolean serves(int unitId) {
        return images.containsKey(unitId);
    }

    @Override
    public ProcessImage getProcessImage(int unitId) {
        ProcessImage image = images.get(unitId);
        if (image == null) {
            throw new IllegalArgumentException("no unit " + unitId);
        }
        return image;
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("a unit directory does not listen");
    }

    @Override
    public void stop() {
        images.clear();
    }
}
