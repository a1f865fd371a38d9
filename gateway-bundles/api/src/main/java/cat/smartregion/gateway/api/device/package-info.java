@Export
@Version("1.3.0")
package cat.smartregion.gateway.api.device;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
