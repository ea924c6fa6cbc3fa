/** The single JSON configuration used for every record Exhibit writes. */
package org.exhibit.integrity.json;
