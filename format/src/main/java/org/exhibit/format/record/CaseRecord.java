package org.exhibit.format.record;

import java.time.Instant;

/**
 * {@code case.json}: what the case is and who opened it.
 *
 * @param format       1
 * @param id           the case id ([A-Za-z0-9._-], 1-64 characters), used in bundle names
 * @param title        free text, or null
 * @param created      when {@code exhibit case init} ran
 * @param investigator who opened the case
 */
public record CaseRecord(int format, String id, String title, Instant created, Actor investigator) {
    public static final int FORMAT = 1;
}
