/** PDQ perceptual hashing of images (Meta's published algorithm), with decoding under a memory budget. */
package org.exhibit.metadata.pdq;
