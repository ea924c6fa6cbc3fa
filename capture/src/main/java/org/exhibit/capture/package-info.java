/** Capturing a URL into a capture folder: URL policy, options, the capture record and the {@code Capturer}. */
package org.exhibit.capture;
