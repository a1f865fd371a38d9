/**
 * Where protocol adapters hand over what devices send on their own initiative (a CoAP server
 * receiving SenML, for instance): the core decodes it with the device's profile and stores it.
 */
@Export
@Version("1.1.0")
package cat.smartregion.gateway.api.push;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
