/** RFC 3161 timestamps: the client that stamps, the validator that checks tokens, and Exhibit's own TSA. */
package org.exhibit.integrity.timestamp;
