package cat.smartregion.gateway.driver.coap.internal;

import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.push.PushIngest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.SecretUtil;
import org.eclipse.californium.scandium.util.ServerNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push server's PSK store: for the identity a device presents in its handshake, the key of the
 * {@code coap-push} device configured with that identity, read from its key file at that moment (nothing
 * cached, so devices added, changed or removed count from their next handshake). No device or no
 * readable key: no key, and the handshake fails. Answers synchronously, on the DTLS connector's thread.
 */
final class DevicePskStore implements AdvancedPskStore {

    private static final Logger LOG = LoggerFactory.getLogger(DevicePskStore.class);

    private final PushIngest ingest;
    private final WarningThrottle warnings;

    DevicePskStore(PushIngest ingest, WarningThrottle warnings) {
        this.ingest = ingest;
        this.warnings = warnings;
    }

    @Override
    public boolean hasEcdhePskSupported() {
        return true;
    }

    @Override
    public PskSecretResult requestPskSecretResult(ConnectionId cid, ServerNames serverName, PskPublicInformation identity,
                                                  String hmacAlgorithm, SecretKey otherSecret, byte[] seed,
                                                  boolean useExtendedMasterSecret) {
        return new PskSecretResult(cid, identity, key(identity.getPublicInfoAsString()).orElse(null));
    }

    private Optional<SecretKey> key(String identity) {
        Optional<DeviceConfig> device = ingest.device(PushEndpoint.SCHEME, identity);
        if (device.isEmpty()) {
            refuse(identity, "no " + PushEndpoint.SCHEME + " device has this identity");
            return Optional.empty();
        }
        byte[] secret = new byte[0];
        try {
            secret = PskFile.read(PushEndpoint.parse(device.get().endpoint()).keyFile());
            LOG.trace("DTLS-PSK key of device {} found for identity '{}'", device.get().id(), LogText.safe(identity));
            return Optional.of(SecretUtil.create(secret, "PSK"));
        } catch (IOException | IllegalArgumentException e) {
            refuse(identity, "the key of device " + device.get().id() + " cannot be read: " + e);
            return Optional.empty();
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private void refuse(String identity, String why) {
        if (warnings.allow(identity)) {
            LOG.warn("DTLS-PSK handshake with identity '{}' refused: {} (said at most once a minute per identity)",
                    LogText.safe(identity), why);
        } else {
            LOG.debug("DTLS-PSK handshake with identity '{}' refused: {}", LogText.safe(identity), why);
        }
    }

    /** Never called: the push server only answers handshakes. */
    @Override
    public PskPublicInformation getIdentity(InetSocketAddress peerAddress, ServerNames virtualHost) {
        throw new IllegalStateException("the CoAP push server starts no DTLS handshake");
    }

    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
        // answers synchronously
    }
}
