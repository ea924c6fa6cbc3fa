/** How evidence images appear in reports: blurred from a 32-pixel copy by default, never the original bytes. */
package org.exhibit.report.depiction;
