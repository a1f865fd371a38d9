package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.api.tls.PemFiles;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Tests an MQTT broker as the uplink will use it, without an MQTT library: DNS, TCP, the TLS
 * handshake trusting only the given CA with the host name checked, the client certificate, then
 * an MQTT v5 CONNECT (client id {@code <gateway>-enroll}, user name and password if given) whose
 * CONNACK must be a success. Not checked: the broker's ACL (whether the gateway may publish to
 * its topics), which only shows on the first publish.
 */
final class MqttCheck {

    /** How the gateway connects. */
    record Target(URI broker, Path ca, Path cert, Path key, String username, String password, String clientId) {
    }

    private static final int TIMEOUT_MS = 10_000;

    private MqttCheck() {
    }

    static UplinkCheck check(Target t) {
        String host = t.broker().getHost();
        boolean tls = "ssl".equals(t.broker().getScheme());
        int port = t.broker().getPort() > 0 ? t.broker().getPort() : tls ? 8883 : 1883;
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return UplinkCheck.noAnswer("the broker's name " + host + " does not resolve: check the name and the gateway's DNS");
        }
        Socket socket = new Socket();
        try (socket) {
            socket.connect(new InetSocketAddress(address, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
        } catch (IOException e) {
            return UplinkCheck.noAnswer("no TCP connection to " + host + ":" + port + " (" + UplinkCheck.describe(e)
                    + "): check the port and the firewall between the gateway and the broker");
        }
        try (Socket connection = tls ? tls(t, host, address, port) : plain(address, port)) {
            return connect(connection, t);
        } catch (SSLException e) {
            return UplinkCheck.refused("the TLS handshake with " + host + ":" + port + " failed (" + UplinkCheck.describe(e)
                    + "): check that --ca is the CA that signed the broker's certificate, that the certificate names " + host
                    + ", and that the client certificate is one the broker trusts");
        } catch (GeneralSecurityException e) {
            return UplinkCheck.refused("cannot use the certificates: " + e.getMessage());
        } catch (IOException e) {
            return UplinkCheck.noAnswer("the broker " + host + ":" + port + " did not complete the MQTT connection ("
                    + UplinkCheck.describe(e) + "): check that the port is the broker's "
                    + (tls ? "TLS" : "plain") + " MQTT listener and that it accepts the client certificate");
        }
    }

    private static Socket plain(InetAddress address, int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(address, port), TIMEOUT_MS);
        socket.setSoTimeout(TIMEOUT_MS);
        return socket;
    }

    private static SSLSocket tls(Target t, String host, InetAddress address, int port) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (X509Certificate ca : PemFiles.certificates(t.ca())) {
            trust.setCertificateEntry("ca" + i++, ca);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (t.cert() != null) {
            List<X509Certificate> chain = PemFiles.certificates(t.cert());
            PrivateKey key = PemFiles.privateKey(t.key());
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", key, new char[0], chain.toArray(X509Certificate[]::new));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, new char[0]);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        Socket raw = plain(address, port);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(raw, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** MQTT v5 CONNECT, then the CONNACK's reason code; DISCONNECT when accepted. */
    private static UplinkCheck connect(Socket socket, Target t) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(connectPacket(t));
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int type = in.readUnsignedByte();
        int length = remainingLength(in);
        byte[] body = new byte[length];
        in.readFully(body);
        if (type != 0x20 || length < 2) {
            return UplinkCheck.noAnswer("the broker answered something other than an MQTT CONNACK: is this an MQTT v5 broker's port?");
        }
        int reason = body[1] & 0xFF;
        if (reason == 0) {
            out.write(new byte[] {(byte) 0xE0, 0});
            out.flush();
            return UplinkCheck.passed("the broker " + t.broker() + " accepted the connection (TLS, host name, "
                    + (t.cert() != null ? "client certificate" : t.username() != null ? "user name and password" : "no credentials")
                    + "); not checked: its ACL for the gateway's topics");
        }
        String why = switch (reason) {
            case 0x84 -> "unsupported protocol version: the broker must speak MQTT v5";
            case 0x85 -> "client identifier not valid";
            case 0x86 -> "bad user name or password: check --username and the password file";
            case 0x87 -> "not authorized: ask the broker's administrator to allow this gateway";
            case 0x88, 0x89 -> "server unavailable or busy: try again later";
            default -> "reason code 0x" + Integer.toHexString(reason);
        };
        return UplinkCheck.refused("the broker " + t.broker() + " refused the connection: " + why);
    }

    static byte[] connectPacket(Target t) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        string(v, "MQTT");
        v.write(5);
        int flags = 0x02;
        if (t.username() != null) {
            flags |= 0x80 | 0x40;
        }
        v.write(flags);
        v.write(0);
        v.write(30);
        v.write(0);
        string(v, t.clientId());
        if (t.username() != null) {
            string(v, t.username());
            string(v, t.password());
        }
        byte[] variable = v.toByteArray();
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        int n = variable.length;
        do {
            int digit = n % 128;
            n /= 128;
            packet.write(n > 0 ? digit | 0x80 : digit);
        } while (n > 0);
        packet.writeBytes(variable);
        return packet.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    private static int remainingLength(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed MQTT remaining length");
    }
}
