/**
 * Per-URL timelines of a case (when each URL was seen online, when it went down, when it came back), derived each
 * time from the capture records and the custody log's {@code rechecked} and {@code notice-drafted}
 * lines: no second source of truth.
 */
package org.exhibit.integrity.timeline;
