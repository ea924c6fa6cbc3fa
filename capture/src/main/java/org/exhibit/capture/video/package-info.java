/**
 * Videos a page plays, embeds or links to, each kept as one playable file: HLS (master and media playlists, TS and
 * fMP4 segments, AES-128 keys), DASH (MPD with SegmentTemplate, SegmentTimeline or SegmentList, separate audio and
 * video), progressive files (whole, whatever ranges the player asked for) and links. Every byte is fetched through
 * the capture's recording proxy, so it is in the WARC; the file is remuxed from those bytes by Debian's ffmpeg,
 * never re-encoded, at the best rendition the server offers.
 */
package org.exhibit.capture.video;
