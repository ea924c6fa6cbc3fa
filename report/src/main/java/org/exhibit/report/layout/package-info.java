/** One document model written three ways: streamed HTML, paginated PDF (PDFBox) and plain text. */
package org.exhibit.report.layout;
