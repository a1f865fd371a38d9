package cat.smartregion.gateway.driver.coap.internal;

import java.net.InetSocketAddress;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;

/**
 * Makes the push server's DTLS 1.2 endpoint, PSK only, configured in code (no Californium3.properties) for a
 * small box: one protocol thread, one DTLS receiver and connector thread, no session resumption (every new
 * session asks the PSK store), bodies (block-wise included) up to the configured limit.
 */
final class PushEndpoints {

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private static final int MAX_CONNECTIONS = 2048;

    private PushEndpoints() {
    }

    static Configuration config(PushServerSettings settings) {
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, settings.maxPayloadBytes());
        config.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        config.set(DtlsConfig.DTLS_SERVER_USE_SESSION_ID, false);
        config.set(DtlsConfig.DTLS_MAX_CONNECTIONS, MAX_CONNECTIONS);
        return config;
    }

    /** The endpoint, not started: the server it is added to starts it. */
    static CoapEndpoint dtls(PushServerSettings settings, Configuration config, AdvancedPskStore keys) {
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(settings.host(), settings.port()))
                .setAdvancedPskStore(keys).build();
        return new CoapEndpoint.Builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
    }
}
