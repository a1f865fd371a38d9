/** Simulated devices, used by tests and the demo. */
package cat.smartregion.gateway.simulator.coap;
