@Export
@Version("1.0.0")
package cat.smartregion.gateway.api.alarm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
