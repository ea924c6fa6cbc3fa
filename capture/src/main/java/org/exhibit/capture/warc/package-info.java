/** Reading the capture's WARC back: resources extracted by hash, WACZ packaging for replay. */
package org.exhibit.capture.warc;
