/** SHA-256 digests of files, streams and bytes. */
package org.exhibit.integrity.digest;
