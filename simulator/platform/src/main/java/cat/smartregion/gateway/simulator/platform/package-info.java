/** A stand-in Sentilo platform for tests and demos: the API subset the gateway uses, kept in SQLite. */
@Export
@Version("0.1.0")
package cat.smartregion.gateway.simulator.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
