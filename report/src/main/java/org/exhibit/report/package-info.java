/** The documents Exhibit writes for people: case report, certification, verification report, takedown notices. */
package org.exhibit.report;
