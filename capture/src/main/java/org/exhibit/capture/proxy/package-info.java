/** The recording proxy: HTTP/HTTPS interception with a per-run CA, every exchange written to WARC as it happens. */
package org.exhibit.capture.proxy;
