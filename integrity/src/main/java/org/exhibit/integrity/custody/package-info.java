/** The hash-chained, append-only custody log ({@code custody/events.jsonl}) and its verification. */
package org.exhibit.integrity.custody;
