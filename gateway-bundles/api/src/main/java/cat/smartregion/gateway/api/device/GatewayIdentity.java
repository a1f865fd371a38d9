package cat.smartregion.gateway.api.device;

import java.util.Objects;

/**
 * Who this gateway is: the municipality (tenant) it serves and its own id.
 */
public record GatewayIdentity(String tenant, String gateway) {

    public GatewayIdentity {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(gateway, "gateway");
        for (String s : new String[] {tenant, gateway}) {
            if (!s.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("tenant and gateway ids must be 1-64 of A-Z a-z 0-9 _ -, got '" + s + "'");
            }
        }
    }
}
