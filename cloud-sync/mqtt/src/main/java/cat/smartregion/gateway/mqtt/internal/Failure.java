package cat.smartregion.gateway.mqtt.internal;

import java.security.cert.CertificateException;
import java.util.Objects;
import javax.net.ssl.SSLException;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Why the uplink cannot deliver now.
 *
 * @param reason   what happened, for the sync agent's log and the alarm
 * @param alarmKey the alarm to raise when a person must act ({@code uplink.mqtt.refused},
 *                 {@code uplink.mqtt.tls}); empty when retrying soon is the cure
 */
record Failure(String reason, String alarmKey) {

    static final String REFUSED = "uplink.mqtt.refused";
    static final String TLS = "uplink.mqtt.tls";

    Failure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(alarmKey, "alarmKey");
    }

    static Failure transientFault(String reason) {
        return new Failure(reason, "");
    }

    boolean needsPerson() {
        return !alarmKey.isEmpty();
    }

    /** A failed connection attempt, classified. */
    static Failure ofConnect(String broker, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException) {
                return new Failure("TLS with broker " + broker + " failed, the gateway refuses the connection: "
                        + t.getMessage(), TLS);
            }
        }
        if (error instanceof MqttException mqtt && ReasonCodes.isError(mqtt.getReasonCode())) {
            String reason = "broker " + broker + " refused the connection: " + ReasonCodes.describe(mqtt.getReasonCode());
            return ReasonCodes.needsPerson(mqtt.getReasonCode()) ? new Failure(reason + "; check the gateway's "
                    + "credentials and the broker's rights", REFUSED) : transientFault(reason);
        }
        return transientFault("broker " + broker + " unreachable: " + describe(error));
    }

    static String describe(Throwable error) {
        Throwable cause = error.getCause();
        return error.getMessage() + (cause == null || cause == error ? "" : " (" + cause + ")");
    }
}
