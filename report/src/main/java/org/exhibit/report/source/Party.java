package org.exhibit.report.source;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A person acting in the case: an investigator, an actor in the custody log.
 *
 * @param name        as on their certificate
 * @param fingerprint SHA-256 of their certificate, hex; "" when not recorded
 */
public record Party(String name, String fingerprint) {
    public static Party of(JsonNode node) {
        return new Party(Nodes.text(node, "name"), Nodes.text(node, "fingerprint"));
    }

}
