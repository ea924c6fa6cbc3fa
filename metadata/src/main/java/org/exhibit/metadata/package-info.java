/** Turns a file into an {@code Artifact}: media type from content, hashes, document and image metadata, PDQ. */
package org.exhibit.metadata;
