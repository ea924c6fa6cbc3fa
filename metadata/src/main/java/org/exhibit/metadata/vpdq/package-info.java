/**
 * vPDQ, Meta's video hash (facebook/ThreatExchange, {@code vpdq/}): {@link org.exhibit.metadata.vpdq.VpdqHasher}
 * PDQ-hashes one decoded frame a second through Debian's ffmpeg, {@link org.exhibit.metadata.vpdq.VpdqHashFile}
 * reads and writes the reference's {@code frame_number,quality,pdq_hex,timestamp_seconds} lines, and
 * {@link org.exhibit.metadata.vpdq.VpdqMatcher} compares two hashes and says which frames matched, and when.
 *
 * <p>Thresholds, all the reference's, so that a decision here is the one ThreatExchange tools would make:
 * <ul>
 * <li><b>One frame a second</b> ({@code secondsPerHash} 1): the default of the reference's Python binding and
 * of python-threatexchange; its C++ command asks for the interval, and its sample hashes use 0, every frame.
 * Neighbouring frames are nearly identical, so more frames mostly cost time.
 * <li><b>Quality 50 or more</b> on both frames: PDQ's own advice; flat frames (black, fades, titles on a plain
 * ground) give hashes whose bits are noise, and would match one another across unrelated videos.
 * <li><b>Distance 31 or less</b>: PDQ's matching threshold, as python-threatexchange and the vPDQ README's
 * algorithm apply it. The C++ tools {@code match-hashes-brute} and {@code match-hashes-byline} test
 * {@code distance < 31}, one bit stricter; a frame pair at exactly 31 bits matches here and there is
 * no match for it in those tools.
 * <li><b>Identical frame hashes count once</b> (python-threatexchange's {@code dedupe}; the README's
 * {@code set(Q)}), so a still scene held for a minute weighs as much as a single cut.
 * <li><b>Query share 80%, target share 0%</b>: python-threatexchange's {@code VPDQ_QUERY_MATCH_THRESHOLD_PERCENT}
 * and {@code VPDQ_INDEX_MATCH_THRESHOLD_PERCENT}. Four fifths of the query's frames must appear in the target,
 * but the query may cover a small part of it: a clip cut from a known video matches it. To find a known video
 * inside a longer upload instead, make the upload the target. The README's example thresholds are the same
 * two numbers with the roles swapped (80% of the compared video, 0% of the query).
 * </ul>
 *
 * <p>Decoding follows the reference's own use of libavcodec and libswscale (see {@code Ffmpeg#frames}); against
 * the reference's published sample hashes every frame comes out within 4 bits, most of them identical
 * (metadata/src/test/resources/vpdq/README.md).
 */
package org.exhibit.metadata.vpdq;
