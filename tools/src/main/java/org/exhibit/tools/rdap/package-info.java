/**
 * Finding who to send a takedown notice to: each host's abuse contact by RDAP (RFC 9082/9083), the domain's
 * registrar and the IP address's network, with the RDAP servers taken from the IANA bootstrap registries
 * (RFC 9224). Opt-in ({@code exhibit takedown --lookup}); it contacts RDAP servers only (and IANA for a missing
 * or stale bootstrap file). The notices themselves are written by {@code org.exhibit.report}, which does no
 * network.
 */
package org.exhibit.tools.rdap;
