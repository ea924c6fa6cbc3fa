/** Batch capture from link lists: parsing, concurrency, retries, resume after interruption, progress and summaries. */
package org.exhibit.capture.batch;
