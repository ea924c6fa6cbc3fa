/** Hash lists (PDQ for images, MD5 for video, SHA-256 for all) as CSV or JSON, and matching against them. */
package org.exhibit.metadata.hashlist;
