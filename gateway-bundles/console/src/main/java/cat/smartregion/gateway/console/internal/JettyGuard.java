package cat.smartregion.gateway.console.internal;

import java.io.IOException;
import java.util.Map;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Felix HTTP Jetty closed while the console is not configured: without a configuration
 * Jetty would serve plain HTTP on port 8080. The console opens HTTPS itself when configured.
 */
@Component(service = {}, immediate = true, configurationPid = ConsoleComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class JettyGuard {

    private static final Logger LOG = LoggerFactory.getLogger(JettyGuard.class);

    @Activate
    public JettyGuard(@Reference ConfigurationAdmin configAdmin, Map<String, Object> properties) throws IOException {
        if (!properties.containsKey("service.pid")) {
            JettyConfiguration.off(configAdmin);
            LOG.info("Console not configured: the HTTP server stays closed");
        }
    }
}
