package cat.smartregion.gateway.simulator.coap;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/** A DTLS-PSK CoAP server on loopback whose {@code /senml} keeps what is POSTed and answers 2.04. */
final class SenmlSink implements AutoCloseable {

    /** One POST received. */
    record Received(int contentFormat, byte[] payload) {
    }

    private final CoapServer server;
    private final CoapEndpoint endpoint;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    SenmlSink(String identity, byte[] key) {
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key)).build();
        endpoint = new CoapEndpoint.Builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
        server = new CoapServer(config);
        server.addEndpoint(endpoint);
        server.add(new CoapResource("senml") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                received.add(new Received(exchange.getRequestOptions().getContentFormat(), exchange.getRequestPayload()));
                exchange.respond(ResponseCode.CHANGED);
            }
        });
        server.start();
    }

    String uri() {
        return "coaps://127.0.0.1:" + endpoint.getAddress().getPort() + "/senml";
    }

    /** The next POST, waiting up to 20 s. */
    Received next() throws InterruptedException {
        Received next = received.poll(20, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no POST within 20 s");
        }
        return next;
    }

    @Override
    public void close() {
        server.destroy();
    }
}
