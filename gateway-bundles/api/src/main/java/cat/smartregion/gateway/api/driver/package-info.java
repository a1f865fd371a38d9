@Export
@Version("1.1.0")
package cat.smartregion.gateway.api.driver;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
