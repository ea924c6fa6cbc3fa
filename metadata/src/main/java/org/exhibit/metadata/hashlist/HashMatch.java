package org.exhibit.metadata.hashlist;

/**
 * An item of the case that matches an entry of the list.
 *
 * @param found    the case's entry (source, path, URL it was captured from)
 * @param listed   the list's entry it matches
 * @param method   "pdq" (perceptual, within the threshold) or "md5" (identical file)
 * @param distance PDQ Hamming distance (0 for MD5)
 * @param reliable false when either PDQ hash has quality under 50: such a match needs a person's eye
 */
public record HashMatch(HashEntry found, HashEntry listed, String method, int distance, boolean reliable) {
}
