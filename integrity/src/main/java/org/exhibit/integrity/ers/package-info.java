/**
 * RFC 4998 evidence records over a bundle's files, with Bouncy Castle's {@code org.bouncycastle.tsp.ers}: created
 * at sealing (one hash tree over every file, one archive timestamp), renewed by a new archive timestamp over the
 * last one or by a new hash tree under another digest algorithm, and when each renewal is due.
 */
package org.exhibit.integrity.ers;
