/**
 * Rechecks: every URL a case captured before, captured again as a batch, and each new capture compared with the
 * previous one of its URL (gone, back, changed, unchanged, unreachable), with re-uploads of the victim's images
 * and videos found by their hash lists; each result is a {@code rechecked} custody-log line.
 */
package org.exhibit.capture.recheck;
