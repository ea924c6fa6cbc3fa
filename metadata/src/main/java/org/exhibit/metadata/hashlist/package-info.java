/**
 * Hash lists (PDQ for images, MD5 and vPDQ for videos, SHA-256 for all) as CSV or JSON with the vPDQ hashes in
 * files beside them, and matching a case against them: images by PDQ distance, videos by MD5 and by vPDQ.
 */
package org.exhibit.metadata.hashlist;
