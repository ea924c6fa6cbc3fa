/**
 * Search across a case's readable text (captured pages' text, chat messages, e-mails, OCR text of images) and the
 * list of people and accounts it names (handles, e-mail addresses, phone numbers, web hosts, chat senders), each
 * with the evidence it came from.
 */
package org.exhibit.metadata.search;
