@Export
@Version("1.2.0")
package cat.smartregion.gateway.api.uplink;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
