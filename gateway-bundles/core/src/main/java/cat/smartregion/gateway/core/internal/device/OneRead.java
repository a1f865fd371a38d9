package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.Driver;
import cat.smartregion.gateway.api.driver.RawValue;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/** A device read once, on demand: connect, ask every request of the plan, close. */
public final class OneRead {

    private OneRead() {
    }

    /** The raw answers; when the endpoint cannot be reached, every point UNREACHABLE with the reason. */
    public static List<RawValue> raw(Driver driver, URI endpoint, PollPlan plan) {
        try (Connection connection = driver.connect(endpoint, plan.options())) {
            return connection.read(plan.requests());
        } catch (IOException e) {
            return plan.unreachable("cannot connect to " + endpoint + ": " + e.getMessage()).failures();
        }
    }
}
