package org.exhibit.report.source;

import org.exhibit.format.record.Actor;

/**
 * A person acting in the case: an investigator, an actor in the custody log.
 *
 * @param name        as on their certificate
 * @param fingerprint SHA-256 of their certificate, hex; "" when not recorded
 */
public record Party(String name, String fingerprint) {
    public static Party of(Actor actor) {
        return actor == null ? new Party("", "") : new Party(actor.name(), actor.fingerprint());
    }

}
