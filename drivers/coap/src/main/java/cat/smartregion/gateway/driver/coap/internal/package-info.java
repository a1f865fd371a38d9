/** Implementation; nothing here is exported. */
package cat.smartregion.gateway.driver.coap.internal;
