@Export
@Version("1.5.0")
package cat.smartregion.gateway.api.profile;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
