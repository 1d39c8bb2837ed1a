/**
 * {@link org.opensspr.client.OpenSsprClient}, the admin console's and the kiosk's way to the server,
 * and the {@link org.opensspr.client.OpenSsprException exceptions} it reports every failure as.
 */
package org.opensspr.client;
