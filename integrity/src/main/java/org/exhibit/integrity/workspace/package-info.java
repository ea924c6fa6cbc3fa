/** The case workspace on disk: layout, id allocation, ingest of evidence files and timestamping of records. */
package org.exhibit.integrity.workspace;
