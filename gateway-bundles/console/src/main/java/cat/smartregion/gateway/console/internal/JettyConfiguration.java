package cat.smartregion.gateway.console.internal;

import java.io.IOException;
import java.util.Hashtable;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Felix HTTP Jetty's configuration (PID {@code org.apache.felix.http}): HTTPS only, with the
 * gateway's keystore, while the console runs; neither HTTP nor HTTPS once it stops.
 */
final class JettyConfiguration {

    static final String PID = "org.apache.felix.http";

    private JettyConfiguration() {
    }

    static void https(ConfigurationAdmin configAdmin, ConsoleSettings settings, String keystorePassword) throws IOException {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("org.apache.felix.http.enable", false);
        p.put("org.apache.felix.https.enable", true);
        p.put("org.apache.felix.http.host", settings.host());
        p.put("org.osgi.service.http.port.secure", settings.port());
        p.put("org.apache.felix.https.keystore", settings.keystore().toString());
        p.put("org.apache.felix.https.keystore.type", "PKCS12");
        p.put("org.apache.felix.https.keystore.password", keystorePassword);
        p.put("org.apache.felix.https.keystore.key.password", keystorePassword);
        p.put("org.apache.felix.https.jetty.protocols.included", "TLSv1.3,TLSv1.2");
        p.put("org.apache.felix.http.jetty.sendServerHeader", false);
        configAdmin.getConfiguration(PID, "?").update(p);
    }

    static void off(ConfigurationAdmin configAdmin) throws IOException {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("org.apache.felix.http.enable", false);
        p.put("org.apache.felix.https.enable", false);
        configAdmin.getConfiguration(PID, "?").update(p);
    }
}
