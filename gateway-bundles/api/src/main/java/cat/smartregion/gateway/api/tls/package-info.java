/** Reading TLS material (PEM certificates and keys) the same way wherever the gateway needs it. */
@Export
@Version("1.0.0")
package cat.smartregion.gateway.api.tls;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
