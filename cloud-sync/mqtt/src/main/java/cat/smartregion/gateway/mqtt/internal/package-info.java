/** MQTT v5 uplink; nothing here is exported. */
package cat.smartregion.gateway.mqtt.internal;
