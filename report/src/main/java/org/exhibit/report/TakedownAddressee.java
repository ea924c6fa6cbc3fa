package org.exhibit.report;

import java.util.List;

/**
 * Who a host's notice is addressed to, as a lookup (RDAP) found it.
 *
 * @param contacts the abuse contacts found, registrar's and network's; empty when none was found
 * @param failure  why the lookup failed or found nothing ("timed out after 10 s"), null when it found contacts
 */
public record TakedownAddressee(List<Contact> contacts, String failure) {
    public TakedownAddressee {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /**
     * One abuse contact.
     *
     * @param email    the abuse e-mail address
     * @param provider the provider's name ("Example Registrar, Inc.", "EXAMPLE-NET")
     * @param role     what the provider is to the host ("registrar of social.example", "network of 203.0.113.7")
     */
    public record Contact(String email, String provider, String role) {
    }

    /**
     * Finds the addressee of a host's notice; called once per notice.
     */
    @FunctionalInterface
    public interface Lookup {
        /**
         * @param host       the host the notice goes to
         * @param recordedIp the IP address the capture recorded for the host, or null when none was recorded
         */
        TakedownAddressee find(String host, String recordedIp);
    }
}
