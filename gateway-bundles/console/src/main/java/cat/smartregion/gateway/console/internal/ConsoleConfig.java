package cat.smartregion.gateway.console.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The console's configuration (PID {@code cat.smartregion.gateway.console}). Relative paths are in the config folder. */
@ObjectClassDefinition(name = "Gateway console", description = "The local web console served over HTTPS")
public @interface ConsoleConfig {

    @AttributeDefinition(description = "HTTPS port")
    int port() default 8443;

    @AttributeDefinition(description = "Address to listen on; 0.0.0.0 for every interface of the local network")
    String host() default "0.0.0.0";

    @AttributeDefinition(description = "The gateway's configuration folder (made by gateway init); devices are saved in its devices/ folder")
    String configDir() default "/etc/smartregion-gateway";

    @AttributeDefinition(description = "PKCS12 keystore with the gateway's certificate and key")
    String keystore() default "secrets/console.p12";

    @AttributeDefinition(description = "File holding the keystore's password (0600)")
    String keystorePasswordFile() default "secrets/console.p12.pass";

    @AttributeDefinition(description = "File holding the installer password's hash, PBKDF2WithHmacSHA256 iterations:salt:hash in Base64 (0600)")
    String passwordHashFile() default "secrets/console-password.hash";

    @AttributeDefinition(description = "The gateway's log file shown on the logs page; empty when there is none")
    String logFile() default "";

    @AttributeDefinition(description = "Wrong passwords in a row that lock the login")
    int lockout_failures() default 5;

    @AttributeDefinition(description = "How long the login stays locked, in minutes")
    int lockout_minutes() default 15;

    @AttributeDefinition(description = "Minutes without a request after which a session ends")
    int session_minutes() default 30;
}
