package org.exhibit.report.source;

import java.time.Instant;

/**
 * What a report's first page says about the case.
 *
 * @param id            case id
 * @param title         case title; "" when none was given
 * @param investigator  who opened the case (or sealed it)
 * @param created       when the case was opened, or null
 * @param sealedAt      when the bundle was sealed; null for a workspace
 * @param exhibitVersion the Exhibit version that sealed the bundle, else ""
 */
public record CaseInfo(String id, String title, Party investigator, Instant created, Instant sealedAt,
                       String exhibitVersion) {
}
