package cat.smartregion.gateway.driver.coap.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * Makes one Californium endpoint per connection, plain UDP or DTLS 1.2 with a pre-shared key,
 * configured in code: no Californium3.properties file is read or written.
 */
final class Endpoints {

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private Endpoints() {
    }

    /** A started endpoint on an ephemeral local port; the caller destroys it. */
    static CoapEndpoint open(CoapTarget target, DriverSettings settings) throws IOException {
        Configuration config = config(settings);
        CoapEndpoint.Builder builder = new CoapEndpoint.Builder().setConfiguration(config);
        if (target.secure()) {
            builder.setConnector(dtls(target, config));
        } else {
            builder.setInetSocketAddress(new InetSocketAddress(0));
        }
        CoapEndpoint endpoint = builder.build();
        try {
            endpoint.start();
        } catch (IOException | RuntimeException e) {
            endpoint.destroy();
            throw e;
        }
        return endpoint;
    }

    private static DTLSConnector dtls(CoapTarget target, Configuration config) throws IOException {
        byte[] secret = PskFile.read(target.keyFile().orElseThrow());
        try {
            config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
            DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                    .setAddress(new InetSocketAddress(0))
                    .setAdvancedPskStore(new AdvancedSinglePskStore(target.identity(), secret)).build();
            return new DTLSConnector(dtls);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static Configuration config(DriverSettings settings) {
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, settings.maxBodyBytes());
        config.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
        config.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
        config.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        return config;
    }
}
